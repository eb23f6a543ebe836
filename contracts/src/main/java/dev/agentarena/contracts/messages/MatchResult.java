package dev.agentarena.contracts.messages;

import java.time.Instant;
import java.util.List;

/**
 * A finished round, published by the engine on {@code arena.world.events} keyed by worldId. {@code eventId} is unique
 * per round, so a redelivered event is recognised and stored once.
 *
 * @param type       always {@link #TYPE}: the topic carries other world events too
 * @param winnerTeam the winning team, or null for a draw
 */
public record MatchResult(int schema, String type, String eventId, String worldId, String configId, long configVersion,
                          Instant startedAt, Instant endedAt, Integer winnerTeam, List<TeamResult> teams,
                          List<AgentResult> agents) implements VersionedMessage {

    public static final String TYPE = "match_result";

    public record TeamResult(int team, int kills, int deaths, int survivors) {
    }

    /** @param lifetimeSeconds how long the agent was alive in the round, summed over its lives */
    public record AgentResult(String agentId, int team, int kills, int deaths, double damageDealt, double damageTaken,
                              double lifetimeSeconds) {
    }
}
