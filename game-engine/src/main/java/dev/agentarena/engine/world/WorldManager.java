package dev.agentarena.engine.world;

import dev.agentarena.simulation.policy.PolicyCatalog;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The worlds this engine runs, each ticking at a fixed rate on one small scheduler pool. A world's ticks never
 * overlap (a fixed-rate task never runs concurrently with itself) and never block: commands arrive through
 * the world's queue, snapshots leave through non-blocking viewers. World {@code default} always exists.
 */
@ApplicationScoped
public class WorldManager {

    public static final String DEFAULT_WORLD = "default";
    private static final Logger LOG = Logger.getLogger(WorldManager.class);
    /** What a world id is, as a regular expression valid in Java and in JavaScript (clients check with it too). */
    public static final String WORLD_ID_PATTERN = "[A-Za-z0-9_\\-]{1,64}";
    /** The same, in words. */
    public static final String WORLD_ID_RULE = "1 to 64 letters, digits, '-' or '_'";
    private static final Pattern WORLD_ID = Pattern.compile(WORLD_ID_PATTERN);

    private final WorldSettings settings;
    private final MeterRegistry registry;
    private final PolicyCatalog policies;
    private final MatchSink matches;
    private final Map<String, WorldHandle> worlds = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> loops = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    /** @param matches where every world's finished rounds go */
    public WorldManager(WorldSettings settings, MeterRegistry registry, PolicyCatalog policies, MatchSink matches) {
        this.settings = settings;
        this.registry = registry;
        this.policies = policies;
        this.matches = matches;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the scheduler and world {@code default}. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        scheduler = Executors.newScheduledThreadPool(settings.loopThreads(), runnable -> {
            Thread thread = new Thread(runnable, "world-loop-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        create(DEFAULT_WORLD, ArenaConfig.defaults(), ConfigRef.DEFAULT);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        worlds.values().forEach(WorldHandle::delete);
        worlds.clear();
        loops.clear();
    }

    public Optional<WorldHandle> find(String id) {
        return Optional.ofNullable(worlds.get(id));
    }

    /** Creates and starts a world of a config that is not a stored one (see {@link #create(String, ArenaConfig, ConfigRef)}). */
    public WorldHandle create(String id, ArenaConfig config) {
        return create(id, config, null);
    }

    /**
     * Creates and starts a world of {@code config}, the stored config {@code source} (null: not a stored one).
     * Throws {@link WorldException} with INVALID_ID, INVALID_CONFIG, WORLD_EXISTS or WORLD_LIMIT (the configured
     * {@code arena.engine.worlds.max-worlds}).
     */
    public synchronized WorldHandle create(String id, ArenaConfig config, ConfigRef source) {
        if (id == null || !WORLD_ID.matcher(id).matches()) {
            throw new WorldException("INVALID_ID", "a world id is " + WORLD_ID_RULE);
        }
        List<FieldError> errors = config.validate();
        if (!errors.isEmpty()) {
            throw new WorldException("INVALID_CONFIG", errors.get(0).path() + ": " + errors.get(0).message());
        }
        if (worlds.containsKey(id)) {
            throw new WorldException("WORLD_EXISTS", "world " + id + " exists already");
        }
        if (worlds.size() >= settings.maxWorlds()) {
            throw new WorldException("WORLD_LIMIT", "this engine runs at most " + settings.maxWorlds() + " worlds");
        }
        if (scheduler == null) {
            throw new IllegalStateException("the world manager is not started");
        }
        WorldHandle world = new WorldHandle(id, config, source, settings, registry, policies, matches,
                System::nanoTime);
        worlds.put(id, world);
        long period = TimeUnit.SECONDS.toNanos(1) / settings.tickRate();
        loops.put(id, scheduler.scheduleAtFixedRate(() -> world.tick(), period, period, TimeUnit.NANOSECONDS));
        LOG.infof("world %s created", id);
        return world;
    }

    public List<WorldInfo> list() {
        return worlds.values().stream().map(WorldHandle::info).sorted(Comparator.comparing(WorldInfo::id)).toList();
    }

    /** Stops and forgets a world; {@code default} cannot be deleted (FORBIDDEN), an unknown id is NOT_FOUND. */
    public synchronized void delete(String id) {
        if (DEFAULT_WORLD.equals(id)) {
            throw new WorldException("FORBIDDEN", "world default cannot be deleted");
        }
        WorldHandle world = worlds.remove(id);
        if (world == null) {
            throw new WorldException("NOT_FOUND", "no world " + id);
        }
        ScheduledFuture<?> loop = loops.remove(id);
        if (loop != null) {
            loop.cancel(false);
        }
        world.delete();
        LOG.infof("world %s deleted", id);
    }
}
