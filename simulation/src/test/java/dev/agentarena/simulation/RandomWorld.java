package dev.agentarena.simulation;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.policy.BuiltInPolicies;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A world for the save tests: its config and the commands given to it at fixed ticks (every kind of command a
 * saved state must carry the effects of), drawn from a seed so that any run of a stretch gets the same ones.
 */
record RandomWorld(ArenaConfig config, long commandSeed) {

    static final BuiltInPolicies POLICIES = new BuiltInPolicies();
    private static final List<String> LAYOUTS = List.of("open", "prototype", "fortress", "maze");

    /** A random world of 2–4 teams of 2–11 agents on a random layout, with random life-cycle settings. */
    static RandomWorld random(SplittableRandom random) {
        return random(random, Map.of());
    }

    /** As {@link #random(SplittableRandom)}, with {@code fields} replacing what it draws. */
    static RandomWorld random(SplittableRandom random, Map<String, ?> fields) {
        Map<String, Object> drawn = new HashMap<>();
        drawn.put("seed", random.nextLong());
        drawn.put("teamCount", random.nextInt(2, 5));
        drawn.put("teamSize", random.nextInt(2, 12));
        drawn.put("wallLayout", LAYOUTS.get(random.nextInt(LAYOUTS.size())));
        drawn.put("respawnEnabled", random.nextBoolean());
        drawn.put("respawnTime", random.nextInt(500, 3000));
        drawn.put("roundTime", (double) random.nextInt(10, 25));
        drawn.put("spawnProtectionTime", random.nextDouble() * 2);
        drawn.put("behaviorUpdateInterval", random.nextInt(17, 200));
        drawn.putAll(fields);
        return new RandomWorld(TestConfigs.with(drawn), random.nextLong());
    }

    static Simulation restore(byte[] state) {
        return Simulation.restore(state, BuiltInBehaviors.DEFAULT, POLICIES.defaultPolicy(), POLICIES::find);
    }

    /** The world populated, at tick 0. */
    Simulation start() {
        Simulation sim = TestConfigs.simulation(config);
        sim.populate();
        return sim;
    }

    /**
     * Steps {@code sim} from tick {@code from} to {@code to}, giving it its commands on the way: the same ticks
     * and arguments whichever simulation runs that stretch (drawn from the command seed and the tick).
     */
    void run(Simulation sim, int from, int to) {
        int teams = config.teamCount();
        for (int tick = from; tick < to; tick++) {
            SplittableRandom commands = new SplittableRandom(commandSeed ^ tick * 0x9E3779B97F4A7C15L);
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
