package dev.agentarena.simulation;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.state.WorldStateException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaveRestoreTest {

    private static final BuiltInPolicies POLICIES = RandomWorld.POLICIES;

    @Test
    void nTicksSavedRestoredAndMMoreEqualAnUninterruptedNPlusMRunForTwentyRandomWorlds() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int w = 0; w < 20; w++) {
            RandomWorld world = RandomWorld.random(random);
            int n = random.nextInt(0, 1500);
            int m = random.nextInt(1, 1500);
            Simulation uninterrupted = world.start();
            world.run(uninterrupted, 0, n + m);

            Simulation first = world.start();
            world.run(first, 0, n);
            byte[] saved = first.saveState();
            Simulation restored = RandomWorld.restore(saved);
            assertThat(restored.stateHash()).as("world %d restored at tick %d", w, n).isEqualTo(first.stateHash());
            world.run(restored, n, n + m);

            assertThat(restored.tick()).isEqualTo(n + m);
            assertThat(restored.stateHash()).as("world %d: %d + %d ticks, %s", w, n, m, world.config())
                    .isEqualTo(uninterrupted.stateHash());
            assertThat(restored.saveState()).as("world %d: the whole state, byte for byte", w)
                    .isEqualTo(uninterrupted.saveState());
        }
    }

    @Test
    void aStateSavedTwiceInARowIsTheSameAndRestoresEveryAssignment() {
        RandomWorld world = new RandomWorld(TestConfigs.with(Map.of("teamCount", 3, "teamSize", 4, "seed", 5L)), 9);
        Simulation sim = world.start();
        world.run(sim, 0, 700);
        Simulation restored = RandomWorld.restore(sim.saveState());
        assertThat(restored.saveState()).isEqualTo(sim.saveState());
        assertThat(restored.rounds()).isEqualTo(sim.rounds());
        assertThat(restored.walls()).isEqualTo(sim.walls());
        assertThat(restored.deaths().next()).isEqualTo(sim.deaths().next());
        for (int t = 0; t < 3; t++) {
            assertThat(restored.teamBehavior(t)).isEqualTo(sim.teamBehavior(t));
        }
        for (int s = 0; s < sim.slots(); s++) {
            if (sim.used(s)) {
                assertThat(restored.behavior(s)).isEqualTo(sim.behavior(s));
                assertThat(restored.state(s)).isEqualTo(sim.state(s));
            }
        }
    }

    @Test
    void aBrokenStateIsRefusedWithItsReason() {
        Simulation sim = new RandomWorld(ArenaConfig.defaults(), 1).start();
        sim.setTeamPolicy(1, "flee", POLICIES.find("flee").orElseThrow());
        byte[] saved = sim.saveState();

        byte[] truncated = java.util.Arrays.copyOf(saved, saved.length - 3);
        assertThatThrownBy(() -> RandomWorld.restore(truncated)).isInstanceOfSatisfying(WorldStateException.class,
                e -> assertThat(e.reason()).isEqualTo(WorldStateException.Reason.MALFORMED));
        byte[] otherVersion = saved.clone();
        otherVersion[7] = 99;
        assertThatThrownBy(() -> RandomWorld.restore(otherVersion)).isInstanceOfSatisfying(WorldStateException.class,
                e -> assertThat(e.reason()).isEqualTo(WorldStateException.Reason.UNSUPPORTED_VERSION));
        assertThatThrownBy(() -> RandomWorld.restore(new byte[] {1, 2, 3, 4, 5})).isInstanceOf(WorldStateException.class);
        assertThatThrownBy(() -> Simulation.restore(saved, BuiltInBehaviors.DEFAULT, POLICIES.defaultPolicy(),
                id -> java.util.Optional.empty())).isInstanceOfSatisfying(WorldStateException.class,
                e -> assertThat(e.reason()).isEqualTo(WorldStateException.Reason.UNKNOWN_BEHAVIOR));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            byte[] corrupt = saved.clone();
            corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
            try {
                RandomWorld.restore(corrupt).step();
            } catch (WorldStateException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
