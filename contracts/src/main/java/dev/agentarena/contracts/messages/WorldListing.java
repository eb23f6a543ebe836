package dev.agentarena.contracts.messages;

/**
 * A record of the compacted {@code arena.worlds}, keyed by {@code worldId}: the world exists, created by
 * {@code creatorId} through command {@code createCommandId} (at {@code createOffset} of its partition of
 * {@code arena.world.commands}: where a world never checkpointed is rebuilt from), and engine {@code engineId} runs it, reachable by clients
 * at {@code engineUrl}. Its owner writes it when it creates the world and whenever it takes the world over; a
 * tombstone when the world is deleted.
 */
public record WorldListing(int schema, String worldId, String engineId, String engineUrl, String creatorId,
                           String createCommandId, long createOffset, long createdAt) implements VersionedMessage {
}
