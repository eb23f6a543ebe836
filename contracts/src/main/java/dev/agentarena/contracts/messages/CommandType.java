package dev.agentarena.contracts.messages;

/** What a {@link PersistenceCommand} asks the persistence service to do. */
public enum CommandType {
    SAVE_CONFIG,
    DELETE_CONFIG,
    SAVE_BEHAVIOR,
    DELETE_BEHAVIOR
}
