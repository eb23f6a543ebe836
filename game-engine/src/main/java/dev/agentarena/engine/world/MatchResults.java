package dev.agentarena.engine.world;

import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.simulation.Simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A finished round as a {@link MatchResult}, read from the simulation while its round stats are still the round's
 * (see {@link dev.agentarena.simulation.RoundObserver}). Built on the world's thread once per round.
 */
final class MatchResults {

    /**
     * Most agents one result lists (most kills first, then most damage dealt): 2,000 agents are about 300 kB of
     * JSON, well under Kafka's 1 MB message limit even for a 50,000-agent world.
     */
    static final int MAX_AGENTS = 2000;

    private static final Comparator<MatchResult.AgentResult> BEST_FIRST =
            Comparator.comparingInt(MatchResult.AgentResult::kills).reversed()
                    .thenComparing(Comparator.comparingDouble(MatchResult.AgentResult::damageDealt).reversed())
                    .thenComparing(MatchResult.AgentResult::agentId);

    private MatchResults() {
    }

    static MatchResult of(String worldId, ConfigRef config, Instant startedAt, Instant endedAt, Simulation sim,
                          Simulation.RoundResult round) {
        List<MatchResult.TeamResult> teams = new ArrayList<>(sim.teamCount());
        for (int t = 0; t < sim.teamCount(); t++) {
            teams.add(new MatchResult.TeamResult(t, sim.teamKills(t), sim.teamDeaths(t), sim.teamAlive(t)));
        }
        List<MatchResult.AgentResult> agents = new ArrayList<>(sim.agentCount());
        for (int slot = 0; slot < sim.slots(); slot++) {
            if (sim.used(slot)) {
                agents.add(new MatchResult.AgentResult(Long.toString(sim.id(slot)), sim.team(slot), sim.roundKills(slot),
                        sim.roundDeaths(slot), sim.roundDamageDealt(slot), sim.roundDamageTaken(slot),
                        sim.roundLifetime(slot)));
            }
        }
        if (agents.size() > MAX_AGENTS) {
            agents.sort(BEST_FIRST);
            agents = agents.subList(0, MAX_AGENTS);
        }
        return new MatchResult(MessageSchema.CURRENT, MatchResult.TYPE, UUID.randomUUID().toString(), worldId,
                config == null ? null : config.id(), config == null ? 0 : config.version(), startedAt, endedAt,
                round.winner() < 0 ? null : round.winner(), List.copyOf(teams), List.copyOf(agents));
    }
}
