package dev.agentarena.engine.health;

import dev.agentarena.engine.world.WorldInfo;
import dev.agentarena.engine.world.WorldManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * DOWN when a running world has not advanced for more than {@link #STALL_LIMIT}: its loop is stuck (a tick that
 * never returns, or a loop thread starved by one that does not), and only a restart gets the world back.
 * A paused world does not advance and is never a stall.
 *
 * <p>The worlds' published tick counts are sampled on every probe: a running world whose tick is the same one
 * seen more than the limit ago has stalled. Sampling here keeps the world loop itself free of any extra work.
 */
@Liveness
@Singleton
public class WorldLoopsLivenessCheck implements HealthCheck {

    static final Duration STALL_LIMIT = Duration.ofSeconds(5);

    /** The tick a world was at when first seen there, and when that was. */
    private record Sample(long tick, long seenAtNanos) {
    }

    private final Supplier<List<WorldInfo>> worlds;
    private final LongSupplier nanoClock;
    private final Map<String, Sample> samples = new HashMap<>();

    @Inject
    public WorldLoopsLivenessCheck(WorldManager worlds) {
        this(worlds::list, System::nanoTime);
    }

    WorldLoopsLivenessCheck(Supplier<List<WorldInfo>> worlds, LongSupplier nanoClock) {
        this.worlds = worlds;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        long now = nanoClock.getAsLong();
        Map<String, Sample> seen = new HashMap<>();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("world-loops").up();
        int running = 0;
        for (WorldInfo world : worlds.get()) {
            Sample previous = samples.get(world.id());
            Sample sample = previous != null && previous.tick() == world.tick() && world.running()
                    ? previous : new Sample(world.tick(), now);
            seen.put(world.id(), sample);
            if (!world.running()) {
                continue;
            }
            running++;
            long stalledMillis = Duration.ofNanos(now - sample.seenAtNanos()).toMillis();
            if (stalledMillis > STALL_LIMIT.toMillis()) {
                response.down().withData(world.id(), "no tick for " + stalledMillis + " ms (stuck at tick " + world.tick() + ")");
            }
        }
        samples.clear();
        samples.putAll(seen);
        return response.withData("running", running).build();
    }
}
