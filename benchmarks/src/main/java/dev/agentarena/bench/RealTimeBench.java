package dev.agentarena.bench;

import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.engine.stream.WorldStream;
import dev.agentarena.engine.world.MatchSink;
import dev.agentarena.engine.world.WorldCommand;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;
import dev.agentarena.engine.world.WorldSettings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one world of N agents (default 10,000) in real time at 60 Hz through the engine's own WorldManager
 * (scheduler, command queue, a viewer receiving 20 snapshots a second through the real {@link WorldStream}:
 * the copy on the world's thread, quantizing and delta encoding on an encoder thread; no socket) and prints the
 * tick duration p50 / p99 / max, the overruns and the bytes per snapshot. Usage:
 * {@code RealTimeBench [agents] [seconds] [viewer|noviewer] [behavior]};
 * without a viewer no snapshot is copied, which isolates the simulation's share of the tick; {@code behavior}
 * (default {@code default}, see {@link BenchBehaviors}) drives both teams.
 */
public final class RealTimeBench {

    private RealTimeBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("arena.engine.world.tick")
                        ? DistributionStatisticConfig.builder().percentiles(0.5, 0.99, 0.999)
                        .expiry(Duration.ofHours(1)).bufferLength(1).build().merge(config)
                        : config;
            }
        });
        String behavior = args.length > 3 ? args[3] : "default";
        DecisionPolicy policy = BenchBehaviors.policy(behavior);
        WorldManager manager = new WorldManager(new Settings(agents), registry,
                id -> id.equals(behavior) ? Optional.of(policy) : new BuiltInPolicies().find(id), MatchSink.NONE);
        manager.start();
        WorldHandle world = manager.create("bench", BenchWorlds.config(agents));
        for (int team = 0; team < world.info().config().teamCount(); team++) {
            world.submit(new WorldCommand.SetTeamBehavior(team, behavior));
        }
        AtomicLong snapshots = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService encoder = Executors.newSingleThreadExecutor();
        if (!(args.length > 2 && args[2].equals("noviewer"))) {
            WorldStream stream = new WorldStream("bench", encoder, copy -> { });
            stream.join(frame -> {
                var encoded = frame.get();
                if (encoded != null) {
                    snapshots.incrementAndGet();
                    bytes.addAndGet(encoded.length());
                }
            });
            world.addViewer(stream);
        }
        System.out.printf("world of %d agents (%d x %d) running %s, %d s at 60 Hz...%n", world.info().agents(),
                world.info().config().worldWidth().longValue(), world.info().config().worldHeight().longValue(),
                behavior, seconds);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Timer tick = registry.get("arena.engine.world.tick").tag("world", "bench").timer();
        HistogramSnapshot snapshot = tick.takeSnapshot();
        double overruns = registry.get("arena.engine.world.tick.overruns").tag("world", "bench").counter().count();
        double skipped = registry.get("arena.engine.world.broadcasts.skipped").tag("world", "bench").counter().count();
        System.out.printf("ticks %d (expected %d), snapshots %d (%.0f skipped: encoder behind), %.2f B per agent per"
                + " snapshot, overruns %.0f%n", tick.count(), seconds * 60L, snapshots.get(), skipped,
                snapshots.get() == 0 ? 0 : (double) bytes.get() / snapshots.get() / world.info().agents(), overruns);
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            System.out.printf("tick p%s = %.3f ms%n", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS));
        }
        System.out.printf("tick mean = %.3f ms, max = %.3f ms%n", snapshot.mean(TimeUnit.MILLISECONDS),
                snapshot.max(TimeUnit.MILLISECONDS));
        manager.stop();
        encoder.shutdownNow();
    }

    private record Settings(int maxAgents) implements WorldSettings {
        public int tickRate() { return 60; }
        public int snapshotRate() { return 20; }
        public int maxWorlds() { return 2; }
        public int queueCapacity() { return 1024; }
        public Duration idlePause() { return Duration.ofHours(1); }
        public int loopThreads() { return 1; }
        public Duration checkpointInterval() { return Duration.ofSeconds(5); }
        public int decisionBudget() { return 20_000; }
        public Duration decisionBudgetTime() { return Duration.ofMillis(8); }
    }
}
