package dev.agentarena.engine.world;

/**
 * Whether a command entered the world's queue. A refusal carries a stable {@code code} (QUEUE_FULL,
 * INVALID_TEAM, INVALID_COUNT, INVALID_CONFIG, UNKNOWN_BEHAVIOR, TOO_MANY_AGENTS, WORLD_DELETED) and a
 * message for people in {@code reason}.
 */
public record CommandAdmission(boolean accepted, String code, String reason) {

    public static final CommandAdmission ACCEPTED = new CommandAdmission(true, null, null);

    public static CommandAdmission rejected(String code, String reason) {
        return new CommandAdmission(false, code, reason);
    }
}
