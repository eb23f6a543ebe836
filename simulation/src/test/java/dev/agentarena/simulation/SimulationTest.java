package dev.agentarena.simulation;

import dev.agentarena.contracts.config.ArenaConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {

    @Test
    void defaultWorldFightsAndCreditsKillsToTheAttacker() {
        Simulation sim = TestConfigs.simulation(ArenaConfig.defaults());
        sim.populate();
        assertThat(sim.agentCount()).isEqualTo(10);
        for (int i = 0; i < 60 * 120; i++) {
            sim.step();
        }
        DeathLog log = sim.deaths();
        assertThat(log.next()).isPositive();
        for (long seq = log.oldest(); seq < log.next(); seq++) {
            if (log.killer(seq) != 0) {
                assertThat(log.killerTeam(seq)).isNotEqualTo(log.victimTeam(seq));
            }
        }
        int killsByAgents = 0;
        for (int s = 0; s < sim.slots(); s++) {
            killsByAgents += sim.kills(s);
        }
        assertThat(killsByAgents).isPositive();
    }
}
