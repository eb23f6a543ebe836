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

    /**
     * RFC 6455 "service restart": the world this connection watched moved to another engine (an engine joined or
     * left). Reconnecting to the same world finds it where it runs now.
     */
    public static final int SERVICE_RESTART = 1012;

    /** The world runs on another engine; the {@code world_moved} message before the close says where. */
    public static final int WORLD_MOVED = 4302;

    private CloseCodes() {
    }
}
