package dev.agentarena.engine.world;

/** Whether a command entered the world's queue; {@code reason} says why not. */
public record CommandOutcome(boolean accepted, String reason) {

    public static final CommandOutcome ACCEPTED = new CommandOutcome(true, null);

    public static CommandOutcome rejected(String reason) {
        return new CommandOutcome(false, reason);
    }
}
