package dev.agentarena.engine.ws;

import dev.agentarena.simulation.BehaviorErrorLog;

/**
 * The {@code behavior_error} event: an agent's behavior failed at a think and a fallback decided instead
 * (see docs/protocol.md). Sent to the world's viewers, at most a few per second per world.
 */
public record BehaviorErrorEvent(String type, String worldId, long tick, long agentId, String behaviorId,
                                 String code, String path, String message, long suppressed) {

    static BehaviorErrorEvent of(String worldId, BehaviorErrorLog.Entry error, long suppressed) {
        return new BehaviorErrorEvent("behavior_error", worldId, error.tick(), error.agentId(), error.behaviorId(),
                error.code(), error.path(), error.message(), suppressed);
    }
}
