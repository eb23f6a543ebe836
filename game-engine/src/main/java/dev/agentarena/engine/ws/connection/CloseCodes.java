package dev.agentarena.engine.ws.connection;

/** The WebSocket close codes the engine closes a client with (listed in docs/protocol.md, "Delivery and ordering"). */
public final class CloseCodes {

    /** RFC 6455 "policy violation": sustained abuse of a limit, or a connection over the per-address or per-user limit. */
    public static final int POLICY_VIOLATION = 1008;

    /**
     * RFC 6455 "try again later": the client read too slowly and its reply queue overflowed. Nothing it asked for
     * is lost on purpose; reconnecting gives it a fresh start.
     */
    public static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {
    }
}
