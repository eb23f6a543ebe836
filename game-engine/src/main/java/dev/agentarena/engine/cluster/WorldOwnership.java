package dev.agentarena.engine.cluster;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.WorldCheckpoint;
import dev.agentarena.contracts.messages.WorldCommandRecord;
import dev.agentarena.contracts.messages.WorldCommandType;
import dev.agentarena.contracts.messages.WorldListing;
import dev.agentarena.engine.messaging.ChangelogProgress;
import dev.agentarena.engine.world.ConfigRef;
import dev.agentarena.engine.world.WorldCommand;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldInfo;
import dev.agentarena.engine.world.WorldManager;
import dev.agentarena.engine.world.WorldResume;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Decides which worlds run here: the engines form one consumer group on {@code arena.world.commands}, and the worlds
 * whose partitions this engine is assigned are the ones it runs (a world's partition is the hash of its id). One
 * thread of its own polls the partitions and applies each command to its world, in the partition's order.
 *
 * <p>On a rebalance (cooperative-sticky: the worlds of partitions that stay put keep running) this engine stops the
 * worlds of the partitions it loses after a last checkpoint, and takes over those it gains: each listed world of the
 * partition is restored from its last checkpoint, the commands after it are applied in order before the world ticks
 * again, and a RESUMED checkpoint records the result. Offsets committed for the group are safe restart points: never
 * past a command that some world's stored checkpoint does not hold yet.
 *
 * <p>A plain Kafka consumer, not a reactive-messaging channel, because taking over a partition means seeking it to a
 * place computed from the checkpoints and applying its backlog before anything else of it: the rebalance callbacks
 * run on the polling thread, between polls, which is exactly that control.
 */
@ApplicationScoped
public class WorldOwnership {

    private static final Logger LOG = Logger.getLogger(WorldOwnership.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(5);
    private static final Duration DIRECTORY_WAIT = Duration.ofSeconds(15);

    /** A partition being taken over: its worlds, restored and replayed into, run once the backlog is applied. */
    private static final class Takeover {
        final Map<String, WorldHandle> worlds = new ConcurrentHashMap<>();
        final Map<String, Long> restoredFrom = new HashMap<>();
        final Map<String, WorldListing> listings = new HashMap<>();
        final long end;

        Takeover(long end) {
            this.end = end;
        }
    }

    private final WorldManager manager;
    private final WorldDirectory directory;
    private final DirectoryPublisher publisher;
    private final WorldCommandLog log;
    private final EngineIdentity identity;
    private final ClusterConfig config;
    private final Event<WorldGone> gone;
    private final MeterRegistry registry;
    private final ChangelogProgress views;
    private final String bootstrapServers;

    /** Consumer-thread state. */
    private final Map<Integer, Takeover> takeovers = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** Worlds still running here whose partition was lost without a handover (see {@link #orphan}). */
    private final Set<String> orphans = ConcurrentHashMap.newKeySet();
    /** Per world run here: the offset of the last command its stored checkpoint holds (create offset - 1 before one). */
    private final Map<String, Long> durable = new ConcurrentHashMap<>();
    private final CountDownLatch firstShare = new CountDownLatch(1);
    private volatile boolean settled;
    private volatile boolean stopping;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;
    private int partitions;
    private long lastCommit;

    public WorldOwnership(WorldManager manager, WorldDirectory directory, DirectoryPublisher publisher,
                          WorldCommandLog log, EngineIdentity identity, ClusterConfig config, Event<WorldGone> gone,
                          MeterRegistry registry, ChangelogProgress views,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.views = views;
        this.manager = manager;
        this.directory = directory;
        this.publisher = publisher;
        this.log = log;
        this.identity = identity;
        this.config = config;
        this.gone = gone;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
    }

    /** Joins the group and waits (at most the configured time) for this engine's first share of the worlds. */
    void onStart(@Observes StartupEvent event) throws InterruptedException {
        manager.start();
        publisher.onStored((worldId, offset) -> durable.computeIfPresent(worldId, (id, before) -> Math.max(before, offset)));
        publisher.announce();
        thread = new Thread(this::run, "world-ownership");
        thread.setDaemon(true);
        thread.start();
        if (!firstShare.await(config.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("no share of the worlds after %s; going on (readiness stays DOWN until there is one)",
                    config.startupWait());
        }
    }

    /** Hands this engine's worlds over (a last checkpoint each) and leaves the group, before the worlds stop. */
    void onStop(@Observes @Priority(100) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
        publisher.withdraw();
    }

    /** True once this engine has its share of the worlds and runs every world of it. */
    public boolean settled() {
        return settled;
    }

    /** Whether {@code worldId} is being taken over by this engine (it will run here in a moment). */
    public boolean arriving(String worldId) {
        return !settled || takeovers.values().stream().anyMatch(takeover -> takeover.worlds.containsKey(worldId));
    }

    private void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerSettings())) {
            consumer = kafka;
            partitions = partitionCount(kafka);
            kafka.subscribe(List.of(Topics.WORLD_COMMANDS), new Rebalance());
            while (!stopping) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    apply(record);
                }
                finishTakeovers();
                commitSafeOffsets(false);
            }
        } catch (WakeupException e) {
            // stopping: close() below hands the worlds over through the rebalance listener
        } catch (RuntimeException e) {
            LOG.error("the world-ownership loop failed; this engine runs no more world commands", e);
        } finally {
            settled = false;
        }
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "world-ownership-" + identity.id());
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
        // Frequent heartbeats: the survivors learn of a rebalance (an engine died) within a second, not a third of the timeout.
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, config.sessionTimeout().toMillis() / 6));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return settings;
    }

    private static int partitionCount(KafkaConsumer<String, String> kafka) {
        while (true) {
            List<PartitionInfo> infos = kafka.partitionsFor(Topics.WORLD_COMMANDS, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.size();
            }
            LOG.warnf("topic %s not found yet; waiting", Topics.WORLD_COMMANDS);
        }
    }

    private int partitionOf(String worldId) {
        return WorldCommands.partitionOf(worldId, partitions);
    }

    // ---- applying commands ------------------------------------------------------------------------------------

    private void apply(ConsumerRecord<String, String> record) {
        WorldCommandRecord command;
        try {
            command = MessageSchema.read(record.value(), WorldCommandRecord.class);
        } catch (JsonReadException | IllegalArgumentException | NullPointerException e) {
            registry.counter("arena.engine.kafka.malformed", "topic", "world-commands").increment();
            LOG.warnf("unreadable world command at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        Takeover takeover = takeovers.get(record.partition());
        if (takeover != null) {
            replay(takeover, command, record.offset());
        } else {
            applyLive(command, record.offset());
        }
    }

    /** A command of a partition being taken over: applied at once to the world, which does not tick yet. */
    private void replay(Takeover takeover, WorldCommandRecord command, long offset) {
        String worldId = command.worldId();
        if (command.type() == WorldCommandType.CREATE) {
            if (!takeover.worlds.containsKey(worldId) && manager.find(worldId).isEmpty()) {
                takeover.worlds.put(worldId, manager.prepare(worldId, command.config(), WorldCommands.source(command), offset));
                takeover.listings.put(worldId, listingOf(command, offset));
            }
        } else if (command.type() == WorldCommandType.DELETE) {
            if (takeover.worlds.remove(worldId) != null) {
                takeover.listings.remove(worldId);
                publisher.forget(worldId);
            }
        } else {
            WorldHandle world = takeover.worlds.get(worldId);
            if (world != null) {
                WorldCommands.command(command).ifPresent(change -> manager.replay(world, change, offset));
            } else {
                applyLive(command, offset); // a world that kept running here (reclaimed after the partition was lost)
            }
        }
    }

    private void applyLive(WorldCommandRecord command, long offset) {
        String worldId = command.worldId();
        switch (command.type()) {
            case CREATE -> create(command, offset);
            case DELETE -> delete(worldId);
            default -> {
                Optional<WorldHandle> world = manager.find(worldId);
                Optional<WorldCommand> change = WorldCommands.command(command);
                if (world.isPresent() && change.isPresent()) {
                    world.get().enqueue(change.get(), offset, command.commandId());
                }
            }
        }
    }

    private void create(WorldCommandRecord command, long offset) {
        String worldId = command.worldId();
        if (manager.find(worldId).isPresent() || directory.listing(worldId).isPresent()) {
            return; // exists: the creator learns from the listing that another command made it
        }
        WorldHandle world;
        try {
            world = manager.activate(manager.prepare(worldId, command.config(), WorldCommands.source(command), offset));
        } catch (RuntimeException e) {
            LOG.warnf("world %s could not be created: %s", worldId, e.getMessage());
            return;
        }
        durable.put(worldId, offset - 1);
        publisher.list(listingOf(command, offset));
        world.requestCheckpoint("CREATED");
        LOG.infof("world %s created", worldId);
        if (WorldManager.DEFAULT_WORLD.equals(worldId) && takeovers.isEmpty()) {
            settle();
        }
    }

    private void delete(String worldId) {
        if (WorldManager.DEFAULT_WORLD.equals(worldId)) {
            return;
        }
        boolean here = manager.remove(worldId).isPresent();
        durable.remove(worldId);
        publisher.forget(worldId).whenComplete((done, failure) -> directory.changed(worldId));
        if (here) {
            gone.fire(new WorldGone(worldId, true));
            LOG.infof("world %s deleted", worldId);
        }
    }

    private WorldListing listingOf(WorldCommandRecord create, long offset) {
        return new WorldListing(MessageSchema.CURRENT, create.worldId(), identity.id(), identity.url(), create.userId(),
                create.commandId(), offset, create.issuedAt());
    }

    // ---- taking over and handing over -------------------------------------------------------------------------

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                takeOver(assigned);
            }
            stopOrphansElsewhere();
            if (takeovers.isEmpty()) {
                settle();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            handOver(revoked, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            orphan(lost);
        }
    }

    /**
     * Partitions lost without a handover: this engine's membership lapsed, typically because the broker was away for
     * longer than the session timeout. Nobody else can have run their worlds meanwhile without the broker, so they keep
     * running here (their viewers notice nothing) but write no checkpoint until the group has decided: when the
     * rebalance gives a partition back, its worlds are this engine's again; when it gives it to another engine, they stop.
     */
    private void orphan(Collection<TopicPartition> lost) {
        for (TopicPartition partition : lost) {
            takeovers.remove(partition.partition());
            owned.remove(partition.partition());
        }
        Set<Integer> partitionsLost = new HashSet<>();
        lost.forEach(partition -> partitionsLost.add(partition.partition()));
        for (WorldInfo info : manager.list()) {
            if (partitionsLost.contains(partitionOf(info.id()))) {
                orphans.add(info.id());
                manager.find(info.id()).ifPresent(world -> world.holdCheckpoints(true));
            }
        }
        LOG.warnf("lost partitions %s (membership lapsed); their %d worlds run on until the group decides",
                partitionsLost, orphans.size());
    }

    /** Stops the orphaned worlds whose partitions the last rebalance gave to another engine. */
    private void stopOrphansElsewhere() {
        Set<Integer> mine = new HashSet<>();
        consumer.assignment().forEach(partition -> mine.add(partition.partition()));
        for (String worldId : List.copyOf(orphans)) {
            if (!mine.contains(partitionOf(worldId))) {
                orphans.remove(worldId);
                durable.remove(worldId);
                manager.remove(worldId);
                gone.fire(new WorldGone(worldId, false));
                LOG.infof("world %s runs on another engine now", worldId);
            }
        }
    }

    private void takeOver(Collection<TopicPartition> assigned) {
        awaitDirectory();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned));
        for (TopicPartition partition : assigned) {
            Takeover takeover = new Takeover(ends.getOrDefault(partition, 0L));
            OffsetAndMetadata safe = committed.get(partition);
            long start = safe == null ? 0 : safe.offset();
            for (WorldListing listing : directory.listings()) {
                if (partitionOf(listing.worldId()) != partition.partition()) {
                    continue;
                }
                if (orphans.remove(listing.worldId()) && manager.find(listing.worldId()).isPresent()) {
                    // It never stopped here: it goes on, with the commands after what its stored checkpoint holds.
                    manager.find(listing.worldId()).get().holdCheckpoints(false);
                    start = Math.min(start, durable.getOrDefault(listing.worldId(), listing.createOffset() - 1) + 1);
                } else {
                    start = Math.min(start, restore(takeover, listing));
                }
            }
            consumer.seek(partition, start);
            takeovers.put(partition.partition(), takeover);
            owned.add(partition.partition());
            if (!takeover.worlds.isEmpty() || start < takeover.end) {
                LOG.infof("taking over partition %d: %d worlds, commands %d..%d", partition.partition(),
                        takeover.worlds.size(), start, takeover.end);
            }
        }
    }

    /**
     * Restores a listed world from its checkpoint into {@code takeover}; returns the offset its commands must be read
     * from (the create command when it has no usable checkpoint: the world is then rebuilt from it).
     */
    private long restore(Takeover takeover, WorldListing listing) {
        Optional<WorldCheckpoint> checkpoint = directory.checkpoint(listing.worldId());
        if (checkpoint.isEmpty()) {
            return listing.createOffset();
        }
        WorldCheckpoint saved = checkpoint.get();
        try {
            WorldHandle world = manager.restore(listing.worldId(), new WorldResume(Base64.getDecoder().decode(saved.state()),
                    saved.offset(), saved.running(), saved.teamBehaviors(),
                    saved.configId() == null ? null : new ConfigRef(saved.configId(), saved.configVersion())));
            takeover.worlds.put(listing.worldId(), world);
            takeover.restoredFrom.put(listing.worldId(), saved.offset());
            takeover.listings.put(listing.worldId(), listing);
            return saved.offset() + 1;
        } catch (RuntimeException e) {
            registry.counter("arena.engine.checkpoints.unusable").increment();
            LOG.errorf(e, "checkpoint of world %s unusable; rebuilding it from its commands", listing.worldId());
            return listing.createOffset();
        }
    }

    /**
     * The previous owners' last checkpoints and listings are read before anything is restored from them, and the
     * behavior view is caught up (a restored agent's behavior is found by id).
     */
    private void awaitDirectory() {
        List<TopicPartition> directoryPartitions = new ArrayList<>();
        for (String topic : List.of(Topics.WORLDS, Topics.WORLD_CHECKPOINTS)) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                directoryPartitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(directoryPartitions);
        long deadline = System.nanoTime() + DIRECTORY_WAIT.toNanos();
        while (!(directory.reached(ends) && views.caughtUp()) && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (!directory.reached(ends) || !views.caughtUp()) {
            LOG.warnf("the world directory did not catch up within %s; restoring from what it has", DIRECTORY_WAIT);
        }
    }

    /** Runs the worlds of every partition whose backlog has been applied. */
    private void finishTakeovers() {
        if (takeovers.isEmpty()) {
            return;
        }
        for (var entry : List.copyOf(takeovers.entrySet())) {
            int partition = entry.getKey();
            Takeover takeover = entry.getValue();
            if (consumer.position(new TopicPartition(Topics.WORLD_COMMANDS, partition)) < takeover.end) {
                continue;
            }
            takeovers.remove(partition);
            for (var world : takeover.worlds.entrySet()) {
                resume(world.getKey(), world.getValue(), takeover);
            }
            if (partition == partitionOf(WorldManager.DEFAULT_WORLD) && manager.find(WorldManager.DEFAULT_WORLD).isEmpty()) {
                // The first engine ever to own it creates world default, through the log like any world.
                log.append(WorldCommands.create("default-" + UUID.randomUUID(), WorldManager.DEFAULT_WORLD,
                        ArenaConfig.defaults(), ConfigRef.DEFAULT, null));
            }
        }
        if (takeovers.isEmpty()) {
            settle();
        }
    }

    private void resume(String worldId, WorldHandle world, Takeover takeover) {
        Long restoredFrom = takeover.restoredFrom.get(worldId);
        // Taken before the world ticks again: exactly its checkpoint plus the commands after it (the determinism test
        // replays the same and compares).
        manager.checkpointNow(world, restoredFrom != null ? "RESUMED" : "CREATED", restoredFrom);
        try {
            manager.activate(world);
        } catch (RuntimeException e) {
            LOG.warnf("world %s could not resume: %s", worldId, e.getMessage());
            return;
        }
        durable.put(worldId, restoredFrom != null ? restoredFrom : takeover.listings.get(worldId).createOffset() - 1);
        WorldListing before = takeover.listings.get(worldId);
        publisher.list(new WorldListing(MessageSchema.CURRENT, worldId, identity.id(), identity.url(), before.creatorId(),
                before.createCommandId(), before.createOffset(), before.createdAt()));
        LOG.infof("world %s resumes here%s", worldId, restoredFrom != null ? " from the checkpoint at " + restoredFrom : "");
    }

    private void settle() {
        boolean defaultReady = !owned.contains(partitionOf(WorldManager.DEFAULT_WORLD))
                || manager.find(WorldManager.DEFAULT_WORLD).isPresent();
        settled = defaultReady;
        if (defaultReady) {
            firstShare.countDown();
        }
    }

    /**
     * Stops the worlds of partitions this engine no longer owns: after a last checkpoint each when the partitions were
     * revoked (not when they were lost: another engine may already run them), with their viewers told.
     */
    private void handOver(Collection<TopicPartition> partitionsGone, boolean checkpoint) {
        Set<Integer> gonePartitions = new HashSet<>();
        partitionsGone.forEach(partition -> gonePartitions.add(partition.partition()));
        gonePartitions.forEach(takeovers::remove);
        List<String> leaving = manager.list().stream().map(WorldInfo::id)
                .filter(id -> gonePartitions.contains(partitionOf(id))).toList();
        if (checkpoint && !leaving.isEmpty()) {
            List<CompletableFuture<Void>> last = new ArrayList<>();
            leaving.forEach(id -> manager.find(id).ifPresent(world -> last.add(world.requestCheckpoint(
                    stopping ? "SHUTDOWN" : "HANDOVER"))));
            try {
                CompletableFuture.allOf(last.toArray(CompletableFuture[]::new))
                        .get(HANDOVER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warnf("not every last checkpoint was stored in time (%s); those worlds resume from an older one",
                        e.getMessage());
            }
        }
        for (String id : leaving) {
            manager.remove(id);
            gone.fire(new WorldGone(id, false));
        }
        if (checkpoint) {
            commitSafeOffsets(true);
        }
        owned.removeAll(gonePartitions);
        leaving.forEach(durable::remove);
        if (!leaving.isEmpty()) {
            LOG.infof("handed over %d worlds of partitions %s", leaving.size(), gonePartitions);
        }
    }

    /** Commits, for each partition run here, the earliest command that a stored checkpoint does not hold yet. */
    private void commitSafeOffsets(boolean now) {
        if (!now && System.nanoTime() - lastCommit < COMMIT_EVERY_NANOS) {
            return;
        }
        lastCommit = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> safe = new HashMap<>();
        for (int partition : owned) {
            if (takeovers.containsKey(partition)) {
                continue;
            }
            TopicPartition topicPartition = new TopicPartition(Topics.WORLD_COMMANDS, partition);
            long offset = consumer.position(topicPartition);
            for (var world : durable.entrySet()) {
                if (partitionOf(world.getKey()) == partition) {
                    offset = Math.min(offset, world.getValue() + 1);
                }
            }
            safe.put(topicPartition, new OffsetAndMetadata(offset));
        }
        if (safe.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(safe, Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("committing safe offsets failed (retried in a second): %s", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
