package dev.agentarena.engine.world;

import java.time.Duration;
import java.util.List;

/** World settings for tests, defaults unless given. */
record TestSettings(int maxWorlds, int queueCapacity, Duration idlePause, int maxAgents, int decisionBudget)
        implements WorldSettings {

    /** What a fresh world that is not in any log starts from. */
    static WorldResume fresh() {
        return new WorldResume(null, -1, true, List.of(), null);
    }

    @Override
    public Duration checkpointInterval() {
        return Duration.ofSeconds(5);
    }

    static TestSettings defaults() {
        return new TestSettings(4, 8, Duration.ofSeconds(30), 2000, 20_000);
    }

    @Override
    public int tickRate() {
        return 60;
    }

    @Override
    public int snapshotRate() {
        return 20;
    }

    @Override
    public Duration decisionBudgetTime() {
        return Duration.ofMillis(8);
    }

    @Override
    public int loopThreads() {
        return 1;
    }
}
