package dev.agentarena.engine.world;

import dev.agentarena.simulation.policy.PolicyCatalog;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * the world's queue, snapshots and checkpoints leave through non-blocking sinks. Which worlds run here is decided
 * by {@code WorldOwnership} (the partitions of the world commands this engine is assigned); world {@code default}
 * is created by whichever engine owns its partition.
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
    private final CheckpointSink checkpoints;
    private final Map<String, WorldHandle> worlds = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> loops = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    /**
     * @param matches     where every world's finished rounds go
     * @param checkpoints where every world's checkpoints go
     */
    @Inject
    public WorldManager(WorldSettings settings, MeterRegistry registry, PolicyCatalog policies, MatchSink matches,
                        CheckpointSink checkpoints) {
        this.settings = settings;
        this.registry = registry;
        this.policies = policies;
        this.matches = matches;
        this.checkpoints = checkpoints;
    }

    /** Worlds that keep no checkpoints (tests, the bench main). */
    public WorldManager(WorldSettings settings, MeterRegistry registry, PolicyCatalog policies, MatchSink matches) {
        this(settings, registry, policies, matches, CheckpointSink.NONE);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the scheduler (once; later calls do nothing). */
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
        checkNew(id, config);
        if (worlds.containsKey(id)) {
            throw new WorldException("WORLD_EXISTS", "world " + id + " exists already");
        }
        if (worlds.size() >= settings.maxWorlds()) {
            throw new WorldException("WORLD_LIMIT", "this engine runs at most " + settings.maxWorlds() + " worlds");
        }
        WorldHandle world = activate(prepare(id, config, source, -1));
        LOG.infof("world %s created", id);
        return world;
    }

    /**
     * A fresh world that does not run yet: commands may be {@linkplain #replay replayed} into it, then it is activated.
     *
     * @param createOffset the offset of the command that created it (-1: not a logged one); commands up to it are in it
     */
    public WorldHandle prepare(String id, ArenaConfig config, ConfigRef source, long createOffset) {
        WorldResume fresh = new WorldResume(null, createOffset, true, List.of(), source);
        return new WorldHandle(id, config, source, fresh, settings, registry, policies, matches, checkpoints,
                System::nanoTime);
    }

    /** A world restored from its checkpoint, not running yet (see {@link #prepare}). */
    public WorldHandle restore(String id, WorldResume resume) {
        return new WorldHandle(id, null, resume.configRef(), resume, settings, registry, policies, matches, checkpoints,
                System::nanoTime);
    }

    /** Applies a logged command to a prepared or restored world that is not activated yet. */
    public void replay(WorldHandle world, WorldCommand command, long offset) {
        world.replay(command, offset);
    }

    /** Checkpoints a world that is not activated yet, on the caller's thread; null while an earlier one is written. */
    public CompletableFuture<Void> checkpointNow(WorldHandle world, String reason, Long restoredFrom) {
        return world.checkpointNow(reason, restoredFrom);
    }

    /** Starts the loop of a prepared or restored world; WORLD_EXISTS when one of that id runs already. */
    public synchronized WorldHandle activate(WorldHandle world) {
        if (scheduler == null) {
            throw new IllegalStateException("the world manager is not started");
        }
        if (worlds.putIfAbsent(world.id(), world) != null) {
            throw new WorldException("WORLD_EXISTS", "world " + world.id() + " exists already");
        }
        long period = TimeUnit.SECONDS.toNanos(1) / settings.tickRate();
        loops.put(world.id(), scheduler.scheduleAtFixedRate(world::tick, period, period, TimeUnit.NANOSECONDS));
        return world;
    }

    /** Throws {@link WorldException} INVALID_ID or INVALID_CONFIG when a world of this id and config cannot exist. */
    public static void checkNew(String id, ArenaConfig config) {
        if (id == null || !WORLD_ID.matcher(id).matches()) {
            throw new WorldException("INVALID_ID", "a world id is " + WORLD_ID_RULE);
        }
        List<FieldError> errors = config.validate();
        if (!errors.isEmpty()) {
            throw new WorldException("INVALID_CONFIG", errors.get(0).path() + ": " + errors.get(0).message());
        }
    }

    public List<WorldInfo> list() {
        return worlds.values().stream().map(WorldHandle::info).sorted(Comparator.comparing(WorldInfo::id)).toList();
    }

    /** Stops and forgets a world; {@code default} cannot be deleted (FORBIDDEN), an unknown id is NOT_FOUND. */
    public synchronized void delete(String id) {
        if (DEFAULT_WORLD.equals(id)) {
            throw new WorldException("FORBIDDEN", "world default cannot be deleted");
        }
        if (remove(id).isEmpty()) {
            throw new WorldException("NOT_FOUND", "no world " + id);
        }
        LOG.infof("world %s deleted", id);
    }

    /** Stops a world's loop and forgets it here (deleted, or moved to another engine); empty when it was not here. */
    public synchronized Optional<WorldHandle> remove(String id) {
        WorldHandle world = worlds.remove(id);
        if (world == null) {
            return Optional.empty();
        }
        ScheduledFuture<?> loop = loops.remove(id);
        if (loop != null) {
            loop.cancel(false);
        }
        world.delete();
        return Optional.of(world);
    }
}
