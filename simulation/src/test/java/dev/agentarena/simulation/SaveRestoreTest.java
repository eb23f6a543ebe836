package dev.agentarena.simulation;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.state.WorldStateException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaveRestoreTest {

    private static final BuiltInPolicies POLICIES = new BuiltInPolicies();
    private static final List<String> LAYOUTS = List.of("open", "prototype", "fortress", "maze");

    /** One random world: its config and the commands given to it at fixed ticks. */
    private record World(ArenaConfig config, long commandSeed) {
    }

    @Test
    void nTicksSavedRestoredAndMMoreEqualAnUninterruptedNPlusMRunForTwentyRandomWorlds() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int w = 0; w < 20; w++) {
            World world = randomWorld(random);
            int n = random.nextInt(0, 1500);
            int m = random.nextInt(1, 1500);
            Simulation uninterrupted = start(world);
            run(uninterrupted, world, 0, n + m);

            Simulation first = start(world);
            run(first, world, 0, n);
            byte[] saved = first.saveState();
            Simulation restored = restore(saved);
            assertThat(restored.stateHash()).as("world %d restored at tick %d", w, n).isEqualTo(first.stateHash());
            run(restored, world, n, n + m);

            assertThat(restored.tick()).isEqualTo(n + m);
            assertThat(restored.stateHash()).as("world %d: %d + %d ticks, %s", w, n, m, world.config())
                    .isEqualTo(uninterrupted.stateHash());
            assertThat(restored.saveState()).as("world %d: the whole state, byte for byte", w)
                    .isEqualTo(uninterrupted.saveState());
        }
    }

    @Test
    void aStateSavedTwiceInARowIsTheSameAndRestoresEveryAssignment() {
        World world = new World(TestConfigs.with(Map.of("teamCount", 3, "teamSize", 4, "seed", 5L)), 9);
        Simulation sim = start(world);
        run(sim, world, 0, 700);
        Simulation restored = restore(sim.saveState());
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
        Simulation sim = start(new World(ArenaConfig.defaults(), 1));
        sim.setTeamPolicy(1, "flee", POLICIES.find("flee").orElseThrow());
        byte[] saved = sim.saveState();

        byte[] truncated = java.util.Arrays.copyOf(saved, saved.length - 3);
        assertThatThrownBy(() -> restore(truncated)).isInstanceOfSatisfying(WorldStateException.class,
                e -> assertThat(e.reason()).isEqualTo(WorldStateException.Reason.MALFORMED));
        byte[] otherVersion = saved.clone();
        otherVersion[7] = 99;
        assertThatThrownBy(() -> restore(otherVersion)).isInstanceOfSatisfying(WorldStateException.class,
                e -> assertThat(e.reason()).isEqualTo(WorldStateException.Reason.UNSUPPORTED_VERSION));
        assertThatThrownBy(() -> restore(new byte[] {1, 2, 3, 4, 5})).isInstanceOf(WorldStateException.class);
        assertThatThrownBy(() -> Simulation.restore(saved, BuiltInBehaviors.DEFAULT, POLICIES.defaultPolicy(),
                id -> java.util.Optional.empty())).isInstanceOfSatisfying(WorldStateException.class,
                e -> assertThat(e.reason()).isEqualTo(WorldStateException.Reason.UNKNOWN_BEHAVIOR));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            byte[] corrupt = saved.clone();
            corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
            try {
                restore(corrupt).step();
            } catch (WorldStateException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static World randomWorld(SplittableRandom random) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("seed", random.nextLong());
        fields.put("teamCount", random.nextInt(2, 5));
        fields.put("teamSize", random.nextInt(2, 12));
        fields.put("wallLayout", LAYOUTS.get(random.nextInt(LAYOUTS.size())));
        fields.put("respawnEnabled", random.nextBoolean());
        fields.put("respawnTime", random.nextInt(500, 3000));
        fields.put("roundTime", (double) random.nextInt(10, 25));
        fields.put("spawnProtectionTime", random.nextDouble() * 2);
        fields.put("behaviorUpdateInterval", random.nextInt(17, 200));
        return new World(TestConfigs.with(fields), random.nextLong());
    }

    private static Simulation start(World world) {
        Simulation sim = TestConfigs.simulation(world.config());
        sim.populate();
        return sim;
    }

    private static Simulation restore(byte[] state) {
        return Simulation.restore(state, BuiltInBehaviors.DEFAULT, POLICIES.defaultPolicy(), POLICIES::find);
    }

    /**
     * Steps from tick {@code from} to {@code to}, giving the world its commands on the way: the same ticks
     * and arguments whichever simulation runs that stretch (drawn from the world's command seed and the tick).
     */
    private static void run(Simulation sim, World world, int from, int to) {
        int teams = world.config().teamCount();
        for (int tick = from; tick < to; tick++) {
            SplittableRandom commands = new SplittableRandom(world.commandSeed() ^ tick * 0x9E3779B97F4A7C15L);
            switch (tick % 400) {
                case 50 -> sim.addAgent(commands.nextInt(teams));
                case 120 -> sim.setTeamPolicy(commands.nextInt(teams), "flee", POLICIES.find("flee").orElseThrow());
                case 200 -> sim.setAgentPolicy(1 + commands.nextInt(6), "attack", POLICIES.find("attack").orElseThrow());
                case 260 -> sim.removeAgent(1 + commands.nextInt(8));
                case 300 -> sim.placeAgent(new AgentPlacement(commands.nextInt(teams), 30, 30, 1, 0, 50.0, 2.0, null,
                        new double[] {100, 100, 300, 200}, commands.nextBoolean()));
                case 350 -> sim.decisionBudget(1 + commands.nextInt(10), 0);
                case 380 -> sim.setTeamPolicy(commands.nextInt(teams), "wander-together",
                        POLICIES.find("wander-together").orElseThrow());
                default -> { }
            }
            sim.step();
        }
    }
}
