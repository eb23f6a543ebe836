package dev.agentarena.engine.world;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A world's meters, all tagged {@code world=<id>}, removed again when the world is deleted. */
final class WorldMetrics {

    private final MeterRegistry registry;
    private final String world;
    private final List<Meter> meters = new ArrayList<>();
    private final Timer tick;
    private final Counter overruns;
    private final Counter policyFailures;

    WorldMetrics(MeterRegistry registry, String world, Supplier<Number> agents, Supplier<Number> queueDepth) {
        this.registry = registry;
        this.world = world;
        tick = add(Timer.builder("arena.engine.world.tick").description("Duration of one simulation tick")
                .tag("world", world).publishPercentileHistogram().register(registry));
        overruns = add(Counter.builder("arena.engine.world.tick.overruns")
                .description("Ticks that took longer than their budget").tag("world", world).register(registry));
        policyFailures = add(Counter.builder("arena.engine.world.policy.failures")
                .description("Decisions that fell back to the built-in behavior").tag("world", world)
                .register(registry));
        add(Gauge.builder("arena.engine.world.agents", agents).tag("world", world).register(registry));
        add(Gauge.builder("arena.engine.world.queue.depth", queueDepth).tag("world", world).register(registry));
    }

    void recordTick(long nanos, long budgetNanos) {
        tick.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > budgetNanos) {
            overruns.increment();
        }
    }

    void policyFailures(long count) {
        if (count > 0) {
            policyFailures.increment(count);
        }
    }

    void rejected(String code) {
        add(Counter.builder("arena.engine.world.commands.rejected").tag("world", world).tag("reason", code)
                .register(registry)).increment();
    }

    void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private <M extends Meter> M add(M meter) {
        if (!meters.contains(meter)) {
            meters.add(meter);
        }
        return meter;
    }
}
