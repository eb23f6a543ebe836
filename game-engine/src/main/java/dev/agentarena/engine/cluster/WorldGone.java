package dev.agentarena.engine.cluster;

/**
 * A world stopped running on this engine: deleted, or moved to another engine (its partition was reassigned). Fired
 * as a CDI event so that its viewers here are told.
 */
public record WorldGone(String worldId, boolean deleted) {
}
