package dev.agentarena.contracts.messages;

/**
 * The payload of {@link CommandType#LIST_MATCHES}, a read answered like a command but never recorded.
 *
 * @param worldId only this world's matches, or null for all
 * @param before  the {@code nextCursor} of the previous page, or null for the newest
 * @param limit   1..{@link #MAX_LIMIT}; null for {@link #DEFAULT_LIMIT}
 */
public record ListMatchesPayload(String worldId, String before, Integer limit) {

    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 20;
}
