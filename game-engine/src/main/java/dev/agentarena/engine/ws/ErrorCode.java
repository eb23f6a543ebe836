package dev.agentarena.engine.ws;

/** Stable codes of the {@code error} message; clients switch on these, never on the text. */
public enum ErrorCode {
    /** The frame is not valid JSON. */
    BAD_JSON,
    /** The frame is JSON but not a message object with a string {@code type}. */
    BAD_MESSAGE,
    /** {@code type} names no message of this protocol version. */
    UNKNOWN_TYPE,
    /** The frame is larger than the configured maximum. */
    FRAME_TOO_LARGE,
    /** The client sends faster than its rate limit. */
    RATE_LIMITED,
    /** The remote address or the user already holds as many connections as allowed; the connection is closed (1008). */
    TOO_MANY_CONNECTIONS,
    /** Binary frames are not accepted from clients. */
    UNSUPPORTED_FRAME,
    /**
     * {@code POST /api/session} or rename_user with a name that breaks the rules (1–40 characters once trimmed, no
     * control characters).
     */
    INVALID_NAME,
    /** A config failed validation; {@code errors} lists the fields. */
    INVALID_CONFIG,
    /** A behavior document failed validation; {@code errors} and {@code diagnostics} locate each problem. */
    INVALID_BEHAVIOR,
    /** A config, behavior, world or other entity does not exist. */
    NOT_FOUND,
    /** The user may not do this (e.g. change the default config or another user's). */
    FORBIDDEN,
    /** Someone else changed the entity since the client read it (stale {@code version}). */
    CONFLICT,
    /** A service behind the engine did not answer in time. */
    TIMEOUT,
    /** A service behind the engine failed. */
    UPSTREAM_ERROR,
    /** The world refused a command (e.g. its command queue is full, or no such team). */
    WORLD_REJECTED,
    /** The world would hold more agents than its maximum ({@code arena.engine.worlds.max-agents}); nothing was added. */
    AGENT_LIMIT,
    /** No more worlds: the engine runs its maximum, or the user created as many as one user may. */
    WORLD_LIMIT,
    /** The copilot failed to answer. */
    LLM_FAILED,
    LLM_UNAVAILABLE,
    QUOTA_EXCEEDED,
    UNAVAILABLE,
    /** A scenario document failed validation; {@code errors} locates each problem. */
    INVALID_SCENARIO,
    /** The engine or the user already runs as many scenarios as allowed; try again later. */
    BUSY
}
