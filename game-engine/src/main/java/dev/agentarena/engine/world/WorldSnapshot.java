package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.WallSpec;

import java.util.List;

/**
 * A world's state at one tick, as sent to viewers. Immutable plain data (JSON now, a binary encoding later).
 * Distances in world units, speeds in units per tick, angles in radians, times in seconds.
 *
 * @param events deaths since the previous snapshot of this world
 * @param behaviorErrors behavior failures since the previous snapshot (rate-limited, see docs/protocol.md)
 */
public record WorldSnapshot(String worldId, long tick, double time, boolean running, int round,
                            double roundTimeLeft, double width, double height, List<WallSpec> walls,
                            List<AgentState> agents, List<TeamState> teams, List<KillEvent> events,
                            List<RoundOutcome> rounds, List<BehaviorError> behaviorErrors) {

    /** One agent; {@code behavior} is the id of the behavior driving it, {@code state} the rule it follows. */
    public record AgentState(long id, int team, double x, double y, double vx, double vy, double heading,
                             double health, double maxHealth, double radius, String behavior, String state,
                             boolean alive, boolean spawnProtected, int kills, int deaths, double damageDealt,
                             double damageTaken, double lifetime) {
    }

    /** One team's standing in the current round (kills, deaths, damage) and overall (rounds won). */
    public record TeamState(int team, String name, String color, int agents, int alive, int kills, int deaths,
                            double damageDealt, int roundsWon, String behavior) {
    }

    /** A death: killer 0 and killerTeam -1 mean the environment (boundary damage). */
    public record KillEvent(long tick, long victimId, int victimTeam, long killerId, int killerTeam,
                            double lifetime) {
    }

    /** A finished round; winner -1 is a draw. */
    public record RoundOutcome(int round, int winner, long endTick) {
    }

    /**
     * An agent's behavior failed at a think and a fallback decided instead. {@code code} is a behavior error
     * code (e.g. {@code NOT_FINITE}), {@code path} a JSON pointer into the document ("" when unknown);
     * {@code suppressed} counts this world's failures not reported so far because of the rate limit.
     */
    public record BehaviorError(long tick, long agentId, String behaviorId, String code, String path,
                                String message, long suppressed) {
    }
}
