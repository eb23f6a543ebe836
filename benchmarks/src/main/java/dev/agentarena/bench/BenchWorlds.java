package dev.agentarena.bench;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.Simulation;

import java.util.Map;

/**
 * Bench worlds at the default density: the default config has 10 agents in 800 x 600, so each agent gets
 * 48,000 square units; a world of n agents keeps that area per agent and the 4:3 shape, with the prototype
 * layout plus as many random walls and obstacles as the config allows. Two teams, every other field default.
 */
public final class BenchWorlds {

    static final double AREA_PER_AGENT = 800.0 * 600.0 / 10;

    private BenchWorlds() {
    }

    /** A 60 Hz simulation of {@link #config} whose teams run the built-in default behavior. */
    static Simulation simulation(int agents) {
        return new Simulation(config(agents), 60, BuiltInBehaviors.DEFAULT, new BuiltInPolicies().defaultPolicy());
    }

    /** Populates {@code simulation} and plays ten seconds: fights started, deaths and respawns under way (the steady state). */
    static void warmUp(Simulation simulation) {
        simulation.populate();
        for (int i = 0; i < 600; i++) {
            simulation.step();
        }
    }

    public static ArenaConfig config(int agents) {
        double width = Math.sqrt(agents * AREA_PER_AGENT * 4 / 3);
        return Json.mapper().convertValue(Map.of(
                "worldWidth", Math.floor(width),
                "worldHeight", Math.floor(width * 3 / 4),
                "teamSize", agents / 2,
                "numRandomWalls", 50,
                "obstacleCount", 100), ArenaConfig.class);
    }
}
