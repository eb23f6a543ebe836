package dev.agentarena.contracts.messages;

/** What a {@link WorldCommandRecord} does to its world. */
public enum WorldCommandType {
    /** Creates the world (ignored when it exists: the listing's {@code createCommandId} tells the creator who won). */
    CREATE,
    DELETE,
    START,
    PAUSE,
    /** One tick while paused (ignored while running). */
    STEP,
    RESET,
    ADD_AGENTS,
    APPLY_CONFIG,
    SET_TEAM_BEHAVIOR,
    SET_AGENT_BEHAVIOR
}
