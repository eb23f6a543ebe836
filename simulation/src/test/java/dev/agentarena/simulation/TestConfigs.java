package dev.agentarena.simulation;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.policy.BuiltInPolicies;

import java.util.Map;

/** Configs for tests: the defaults with some fields replaced, read through the shared JSON mapping. */
final class TestConfigs {

    private TestConfigs() {
    }

    static ArenaConfig with(Map<String, ?> fields) {
        ArenaConfig config = Json.mapper().convertValue(fields, ArenaConfig.class);
        if (!config.validate().isEmpty()) {
            throw new IllegalArgumentException("invalid test config: " + config.validate());
        }
        return config;
    }

    /** A 60 Hz simulation of {@code config} whose teams run the built-in default behavior. */
    static Simulation simulation(ArenaConfig config) {
        return new Simulation(config, 60, BuiltInBehaviors.DEFAULT, new BuiltInPolicies().defaultPolicy());
    }

    static Simulation run(ArenaConfig config, int ticks) {
        Simulation sim = simulation(config);
        sim.populate();
        for (int i = 0; i < ticks; i++) {
            sim.step();
        }
        return sim;
    }
}
