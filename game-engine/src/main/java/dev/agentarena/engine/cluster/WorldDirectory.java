package dev.agentarena.engine.cluster;

import dev.agentarena.contracts.messages.EngineListing;
import dev.agentarena.contracts.messages.VersionedMessage;
import dev.agentarena.contracts.messages.WorldCheckpoint;
import dev.agentarena.contracts.messages.WorldListing;
import dev.agentarena.engine.messaging.ChangelogRecords;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What every engine knows of all worlds, read from the compacted topics from the beginning: which worlds exist and
 * who runs them ({@code arena.worlds}), which engines are up ({@code arena.engines}) and each world's latest
 * checkpoint ({@code arena.world.checkpoints}), each record applied as {@link ChangelogRecords} says. Callers may
 * wait for a world's listing to reach a state (a create or delete carried out).
 */
@ApplicationScoped
public class WorldDirectory {

    /** Someone waiting for a world's listing to satisfy {@code done}. */
    private record Waiter(String worldId, Predicate<Optional<WorldListing>> done,
                          CompletableFuture<Optional<WorldListing>> future) {
    }

    private final Map<String, WorldListing> listings = new ConcurrentHashMap<>();
    private final Map<String, EngineListing> engines = new ConcurrentHashMap<>();
    private final Map<String, WorldCheckpoint> checkpoints = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> reached = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final ChangelogRecords records;

    public WorldDirectory(ChangelogRecords records) {
        this.records = records;
    }

    @Incoming("worlds-changelog")
    public void onListing(ConsumerRecord<String, String> record) {
        apply(record, "worlds", WorldListing.class, listings::put, listings::remove);
        changed(record.key());
    }

    @Incoming("engines-changelog")
    public void onEngine(ConsumerRecord<String, String> record) {
        apply(record, "engines", EngineListing.class, engines::put, engines::remove);
    }

    @Incoming("checkpoints-changelog")
    public void onCheckpoint(ConsumerRecord<String, String> record) {
        apply(record, "checkpoints", WorldCheckpoint.class, checkpoints::put, checkpoints::remove);
    }

    public Optional<WorldListing> listing(String worldId) {
        return Optional.ofNullable(listings.get(worldId));
    }

    public Collection<WorldListing> listings() {
        return List.copyOf(listings.values());
    }

    public Optional<WorldCheckpoint> checkpoint(String worldId) {
        return Optional.ofNullable(checkpoints.get(worldId));
    }

    /** Where clients reach the engines that are up, this one included. */
    public List<String> engineUrls() {
        return engines.values().stream().map(EngineListing::url).sorted().toList();
    }

    /** Whether every given partition has been read up to (not including) its offset. */
    public boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reached.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    /**
     * Completes with the world's listing once it satisfies {@code done} (at once when it does already), or
     * exceptionally with a timeout after {@code timeout}. {@link #changed} re-checks: call it when something
     * {@code done} depends on besides the listing changed.
     */
    public CompletableFuture<Optional<WorldListing>> await(String worldId, Predicate<Optional<WorldListing>> done,
                                                           Duration timeout) {
        Waiter waiter = new Waiter(worldId, done, new CompletableFuture<>());
        waiters.add(waiter);
        waiter.future().whenComplete((listing, failure) -> waiters.remove(waiter));
        changed(worldId);
        return waiter.future().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Re-checks who waits for {@code worldId}. */
    public void changed(String worldId) {
        Optional<WorldListing> listing = listing(worldId);
        for (Waiter waiter : waiters) {
            if (waiter.worldId().equals(worldId) && waiter.done().test(listing)) {
                waiter.future().complete(listing);
            }
        }
    }

    private <T extends VersionedMessage> void apply(ConsumerRecord<String, String> record, String name, Class<T> type,
                                                    BiConsumer<String, T> upsert, Consumer<String> remove) {
        try {
            records.apply(record, name, type, upsert, remove);
        } finally {
            reached.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
    }
}
