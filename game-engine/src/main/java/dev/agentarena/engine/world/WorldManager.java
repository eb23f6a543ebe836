package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The worlds this engine runs, each ticking at a fixed rate on a small scheduler pool (a world's ticks never
 * overlap: a fixed-rate task never runs concurrently with itself). World {@code default} always exists.
 */
@ApplicationScoped
public class WorldManager {

    public static final String DEFAULT_WORLD = "default";
    static final int TICKS_PER_SECOND = 60;
    static final int SNAPSHOTS_PER_SECOND = 20;

    private final MeterRegistry registry;
    private final Map<String, WorldHandle> worlds = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> loops = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public WorldManager(MeterRegistry registry) {
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        scheduler = Executors.newScheduledThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                runnable -> {
                    Thread thread = new Thread(runnable, "world-loop");
                    thread.setDaemon(true);
                    return thread;
                });
        create(DEFAULT_WORLD, ArenaConfig.defaults());
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    public Optional<WorldHandle> find(String id) {
        return Optional.ofNullable(worlds.get(id));
    }

    public WorldHandle create(String id, ArenaConfig config) {
        WorldHandle world = new WorldHandle(id, config, TICKS_PER_SECOND / SNAPSHOTS_PER_SECOND, registry);
        if (worlds.putIfAbsent(id, world) != null) {
            throw new IllegalStateException("world " + id + " exists already");
        }
        long period = TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
        loops.put(id, scheduler.scheduleAtFixedRate(world::tick, period, period, TimeUnit.NANOSECONDS));
        return world;
    }
}
