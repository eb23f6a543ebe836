package dev.agentarena.simulation.state;

/** A saved world state that cannot be restored, and why. */
public final class WorldStateException extends RuntimeException {

    public enum Reason {
        /** Not a world state, truncated, or corrupt. */
        MALFORMED,
        /** Written in a format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** A behavior id the state assigns does not resolve to a policy here. */
        UNKNOWN_BEHAVIOR
    }

    private final Reason reason;

    public WorldStateException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
