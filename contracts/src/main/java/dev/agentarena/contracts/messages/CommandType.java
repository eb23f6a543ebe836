package dev.agentarena.contracts.messages;

/** What a {@link PersistenceCommand} asks the persistence service to do. */
public enum CommandType {
    SAVE_CONFIG,
    DELETE_CONFIG,
    SAVE_BEHAVIOR,
    DELETE_BEHAVIOR,
    /** Payload {@link CreateUserPayload}; the OK result carries the new token, once. */
    CREATE_USER,
    /** Payload {@link RenameUserPayload}; entityId is the user's id, expectedVersion its version. */
    RENAME_USER,
    /** Ends the user's token (entityId is the user's id); the user keeps their data. */
    REVOKE_TOKEN,
    /**
     * Payload {@link AbandonUserPayload}; entityId is the user's id. Undoes a CREATE_USER whose result reached the engine
     * after its sign-in had answered TIMEOUT: nobody holds that token, so the user goes and the name is free again.
     */
    ABANDON_USER,
    /** A read ({@link ListMatchesPayload}) answered with a {@link MatchPage}; not recorded, so a re-send reads again. */
    LIST_MATCHES,
    /**
     * An engine saw the user sign in or connect at {@code issuedAt} (entityId and userId are the user's id, no payload):
     * the user's {@code lastSeenAt} moves forward to it, never back. Not recorded: applying it again changes nothing.
     */
    MARK_SEEN
}
