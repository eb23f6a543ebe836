package dev.agentarena.contracts.messages;

/**
 * A record of the compacted {@code arena.engines}, keyed by {@code engineId}: an engine that is up and the URL
 * where clients reach it (so that a client whose engine died knows where else to go). A tombstone when it stops.
 */
public record EngineListing(int schema, String engineId, String url, long startedAt) implements VersionedMessage {
}
