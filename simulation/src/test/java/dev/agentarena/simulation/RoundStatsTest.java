package dev.agentarena.simulation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class RoundStatsTest {

    /** What a round observer saw of one agent at a round's end. */
    private record AgentRound(long id, int team, int kills, int deaths, double dealt, double taken, double lifetime,
                              int totalKills, int totalDeaths) {
    }

    private record Round(Simulation.RoundResult result, long startTick, int[] teamKills, int[] teamDeaths,
                         int[] survivors, List<AgentRound> agents) {
    }

    @Test
    void eachRoundEndShowsThatRoundsStatsWhichAddUpToItsTeamsAndStartOverAfterwards() {
        Simulation sim = TestConfigs.simulation(TestConfigs.with(Map.of(
                "roundTime", 20.0, "respawnEnabled", true, "respawnTime", 1000, "teamSize", 8)));
        List<Round> rounds = new ArrayList<>();
        sim.observeRounds((s, result) -> rounds.add(observe(s, result)));
        sim.populate();
        for (int i = 0; i < 60 * 41 && rounds.size() < 2; i++) {
            sim.step();
        }
        assertThat(rounds).hasSize(2);
        double roundSeconds = 20.0;
        for (Round round : rounds) {
            int[] kills = new int[sim.teamCount()];
            int[] deaths = new int[sim.teamCount()];
            double dealt = 0;
            double taken = 0;
            for (AgentRound agent : round.agents()) {
                kills[agent.team()] += agent.kills();
                deaths[agent.team()] += agent.deaths();
                dealt += agent.dealt();
                taken += agent.taken();
                assertThat(agent.lifetime()).isBetween(0.0, roundSeconds);
            }
            assertThat(kills).containsExactly(round.teamKills());
            assertThat(deaths).containsExactly(round.teamDeaths());
            // Boundary damage has no attacker: what was taken is at least what agents dealt.
            assertThat(taken).isGreaterThanOrEqualTo(dealt - 1e-9);
        }
        assertThat(rounds.get(0).teamDeaths()[0] + rounds.get(0).teamDeaths()[1]).as("the first round saw fighting")
                .isPositive();
        // The second round counts only its own kills and deaths: with the first, they make the agents' totals.
        Map<Long, AgentRound> first = new HashMap<>();
        rounds.get(0).agents().forEach(agent -> first.put(agent.id(), agent));
        for (AgentRound second : rounds.get(1).agents()) {
            AgentRound before = first.get(second.id());
            assertThat(second.totalKills()).isEqualTo(before.kills() + second.kills());
            assertThat(second.totalDeaths()).isEqualTo(before.deaths() + second.deaths());
        }
        assertThat(rounds.get(1).startTick()).isEqualTo(rounds.get(0).result().endTick() + 1);
    }

    @Test
    void anAgentAliveThroughoutARoundLivedTheWholeRoundAndANewRoundStartsItsStatsAtZero() {
        // Agents too far apart to meet: nobody dies, so every lifetime is the round's length.
        Simulation sim = TestConfigs.simulation(TestConfigs.with(Map.of(
                "roundTime", 10.0, "teamSize", 1, "worldWidth", 4000.0, "worldHeight", 4000.0, "boundaryDamage", 0.0)));
        List<Double> lifetimes = new ArrayList<>();
        sim.observeRounds((s, result) -> {
            for (int slot = 0; slot < s.slots(); slot++) {
                if (s.used(slot) && s.roundDeaths(slot) == 0) {
                    lifetimes.add(s.roundLifetime(slot));
                }
            }
        });
        sim.populate();
        for (int i = 0; i < 600; i++) {
            sim.step();
        }
        assertThat(lifetimes).isNotEmpty().allSatisfy(seconds -> assertThat(seconds).isCloseTo(10.0 - 1 / 60.0,
                offset(1e-9)));
        for (int slot = 0; slot < sim.slots(); slot++) {
            assertThat(sim.roundKills(slot)).isZero();
            assertThat(sim.roundDamageTaken(slot)).isZero();
            assertThat(sim.roundLifetime(slot)).isZero();
        }
    }

    private static Round observe(Simulation sim, Simulation.RoundResult result) {
        int teams = sim.teamCount();
        int[] kills = new int[teams];
        int[] deaths = new int[teams];
        int[] survivors = new int[teams];
        for (int t = 0; t < teams; t++) {
            kills[t] = sim.teamKills(t);
            deaths[t] = sim.teamDeaths(t);
            survivors[t] = sim.teamAlive(t);
        }
        List<AgentRound> agents = new ArrayList<>();
        int[] alive = new int[teams];
        for (int slot = 0; slot < sim.slots(); slot++) {
            if (sim.used(slot)) {
                agents.add(new AgentRound(sim.id(slot), sim.team(slot), sim.roundKills(slot), sim.roundDeaths(slot),
                        sim.roundDamageDealt(slot), sim.roundDamageTaken(slot), sim.roundLifetime(slot),
                        sim.kills(slot), sim.deaths(slot)));
                alive[sim.team(slot)] += sim.alive(slot) ? 1 : 0;
            }
        }
        assertThat(alive).as("survivors are the agents alive at the round's end").containsExactly(survivors);
        return new Round(result, sim.roundStartTick(), kills, deaths, survivors, agents);
    }
}
