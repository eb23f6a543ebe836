package dev.agentarena.engine.sim;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;

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

    static Simulation run(ArenaConfig config, int ticks) {
        Simulation sim = new Simulation(config, 60);
        sim.populate();
        for (int i = 0; i < ticks; i++) {
            sim.step();
        }
        return sim;
    }
}
