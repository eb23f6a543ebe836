package dev.agentarena.contracts.messages;

/** Outcome of a {@link PersistenceCommand}. */
public enum ResultStatus {
    OK,
    INVALID,
    CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
    ERROR
}
