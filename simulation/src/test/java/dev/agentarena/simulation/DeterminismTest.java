package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
import dev.agentarena.contracts.config.ArenaConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static final DecisionPolicy HOLDER = (perception, plan) -> plan.label("HOLD")
            .weight(Primitive.HOLD, 1).weight(Primitive.ATTACK, 1).target(TargetKind.NEAREST_ENEMY);

    @Test
    void sameSeedConfigAndCommandsGiveTheSameStateAfterTenThousandTicks() {
        ArenaConfig config = TestConfigs.with(Map.of("teamCount", 3, "teamSize", 8, "seed", 7L));
        long first = play(config);
        long second = play(config);
        assertThat(second).isEqualTo(first);
        long otherSeed = play(TestConfigs.with(Map.of("teamCount", 3, "teamSize", 8, "seed", 8L)));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    /** Plays 10,000 ticks with commands at fixed ticks; returns the final state hash. */
    private static long play(ArenaConfig config) {
        Simulation sim = TestConfigs.simulation(config);
        sim.populate();
        for (int tick = 0; tick < 10_000; tick++) {
            if (tick == 100) {
                for (int i = 0; i < 5; i++) {
                    sim.addAgent(i % 3);
                }
            }
            if (tick == 2_000) {
                sim.removeAgent(3);
                sim.setTeamPolicy(1, "holder", HOLDER);
            }
            if (tick == 4_000) {
                sim.setAgentPolicy(5, "holder", HOLDER);
            }
            sim.step();
        }
        return sim.stateHash();
    }
}
