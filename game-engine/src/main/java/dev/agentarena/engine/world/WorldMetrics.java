package dev.agentarena.engine.world;

import dev.agentarena.simulation.Simulation;
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
    private final Counter deferredDecisions;
    private final Counter budgetOverruns;
    private final Counter suppressedErrors;
    private final Counter skippedBroadcasts;
    /** The simulation's running totals as last seen, to count only what is new. */
    private long seenFailures;
    private long seenDeferred;
    private long seenOverruns;
    private long seenSuppressed;

    WorldMetrics(MeterRegistry registry, String world, Supplier<Number> agents, Supplier<Number> queueDepth) {
        this.registry = registry;
        this.world = world;
        tick = add(Timer.builder("arena.engine.world.tick").description("Duration of one simulation tick")
                .tag("world", world).publishPercentileHistogram().register(registry));
        overruns = add(Counter.builder("arena.engine.world.tick.overruns")
                .description("Ticks that took longer than their budget").tag("world", world).register(registry));
        policyFailures = add(Counter.builder("arena.engine.world.policy.failures")
                .description("Decisions that fell back to another behavior because theirs failed")
                .tag("world", world).register(registry));
        deferredDecisions = add(Counter.builder("arena.engine.world.decisions.deferred")
                .description("Thinks put off to the next tick because the decision budget was spent")
                .tag("world", world).register(registry));
        budgetOverruns = add(Counter.builder("arena.engine.world.decisions.budget.overruns")
                .description("Ticks whose decision budget ran out").tag("world", world).register(registry));
        suppressedErrors = add(Counter.builder("arena.engine.world.behavior.errors.suppressed")
                .description("Behavior failures not reported to viewers because of the rate limit")
                .tag("world", world).register(registry));
        skippedBroadcasts = add(Counter.builder("arena.engine.world.broadcasts.skipped")
                .description("Broadcasts skipped because the snapshot encoder was still busy with earlier ones")
                .tag("world", world).register(registry));
        add(Gauge.builder("arena.engine.world.agents", agents).tag("world", world).register(registry));
        add(Gauge.builder("arena.engine.world.queue.depth", queueDepth).tag("world", world).register(registry));
    }

    void recordTick(long nanos, long budgetNanos) {
        tick.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > budgetNanos) {
            overruns.increment();
        }
    }

    /** Counts what the simulation's totals gained since the last call. */
    void observe(Simulation sim) {
        policyFailures.increment(sim.policyFailures() - seenFailures);
        deferredDecisions.increment(sim.deferredDecisions() - seenDeferred);
        budgetOverruns.increment(sim.budgetOverruns() - seenOverruns);
        suppressedErrors.increment(sim.behaviorErrors().suppressed() - seenSuppressed);
        restart(sim);
    }

    /** Takes {@code sim}'s totals as seen (a new simulation starts from zero). */
    void restart(Simulation sim) {
        seenFailures = sim.policyFailures();
        seenDeferred = sim.deferredDecisions();
        seenOverruns = sim.budgetOverruns();
        seenSuppressed = sim.behaviorErrors().suppressed();
    }

    void broadcastSkipped() {
        skippedBroadcasts.increment();
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
