package dev.agentarena.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How scenario runs ({@code run_scenario}) share the engine ({@code arena.engine.scenarios.*}). */
@ConfigMapping(prefix = "arena.engine.scenarios")
public interface ScenarioConfig {

    /**
     * Runs at once on this engine, each on a thread of its own pool (never a world's): one by default, so that
     * on a 2-core machine a core is always left to the worlds. A run asked for beyond it is answered BUSY.
     */
    @WithDefault("1")
    int maxConcurrent();

    /** Runs at once of one user; beyond it, BUSY. */
    @WithDefault("1")
    int maxPerUser();

    /** CPU time a run may take before it is stopped and reported as stopped. */
    @WithDefault("2s")
    Duration cpuBudget();
}
