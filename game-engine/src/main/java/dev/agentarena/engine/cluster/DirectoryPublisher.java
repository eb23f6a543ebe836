package dev.agentarena.engine.cluster;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.EngineListing;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.WorldCheckpoint;
import dev.agentarena.contracts.messages.WorldListing;
import dev.agentarena.engine.world.Checkpoint;
import dev.agentarena.engine.world.CheckpointSink;
import dev.agentarena.simulation.state.StateWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Writes what this engine tells the others: its worlds' checkpoints (encoded and sent on a thread of their own, never
 * a world's), its worlds' listings and its own presence. A stored checkpoint is reported to the listener set with
 * {@link #onStored}: the offset it covers is then a safe place to restart the world from.
 */
@ApplicationScoped
public class DirectoryPublisher implements CheckpointSink {

    private static final Logger LOG = Logger.getLogger(DirectoryPublisher.class);
    /** Checkpoints waiting to be encoded at most: each world has at most one in flight. */
    private static final int ENCODER_QUEUE = 256;

    private final MutinyEmitter<Record<String, String>> checkpoints;
    private final MutinyEmitter<Record<String, String>> listings;
    private final MutinyEmitter<Record<String, String>> engines;
    private final EngineIdentity identity;
    private final ThreadPoolExecutor encoder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(ENCODER_QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "checkpoint-encoder");
                thread.setDaemon(true);
                return thread;
            });
    private final Counter failed;
    private final DistributionSummary bytes;
    private volatile BiConsumer<String, Long> stored = (worldId, offset) -> { };
    /** The encoder thread's own writer, reused for every checkpoint's bytes. */
    private final StateWriter stateBytes = new StateWriter();

    public DirectoryPublisher(@Channel("world-checkpoints") MutinyEmitter<Record<String, String>> checkpoints,
                              @Channel("world-listings") MutinyEmitter<Record<String, String>> listings,
                              @Channel("engine-listings") MutinyEmitter<Record<String, String>> engines,
                              EngineIdentity identity, MeterRegistry registry) {
        this.checkpoints = checkpoints;
        this.listings = listings;
        this.engines = engines;
        this.identity = identity;
        this.failed = registry.counter("arena.engine.checkpoints.failed");
        this.bytes = DistributionSummary.builder("arena.engine.checkpoints.bytes").baseUnit("bytes")
                .description("Size of each checkpoint record sent").register(registry);
    }

    /** Who learns of each stored checkpoint (world id, offset of the last command in it). */
    public void onStored(BiConsumer<String, Long> listener) {
        this.stored = listener;
    }

    @Override
    public void write(Checkpoint checkpoint) {
        try {
            encoder.execute(() -> send(checkpoint));
        } catch (RejectedExecutionException e) {
            checkpoint.release().run();
            fail(checkpoint, e);
        }
    }

    private void send(Checkpoint checkpoint) {
        String state;
        try {
            checkpoint.state().writeTo(stateBytes.reset());
            // Straight from the writer's array, not a copy of it; the encoder's buffer is an exact heap array of ASCII.
            byte[] base64 = Base64.getEncoder().encode(ByteBuffer.wrap(stateBytes.array(), 0, stateBytes.size())).array();
            state = new String(base64, StandardCharsets.ISO_8859_1);
        } finally {
            checkpoint.release().run();
        }
        var ref = checkpoint.configRef();
        String json = Json.write(new WorldCheckpoint(MessageSchema.CURRENT, checkpoint.worldId(), identity.id(),
                checkpoint.offset(), checkpoint.reason(), checkpoint.restoredFrom(), checkpoint.capturedAt(),
                checkpoint.tick(), checkpoint.agents(), checkpoint.running(), checkpoint.teamBehaviors(),
                ref == null ? null : ref.id(), ref == null ? null : ref.version(), checkpoint.config(), state));
        bytes.record(json.length());
        checkpoints.send(Record.of(checkpoint.worldId(), json)).subscribe().with(
                done -> {
                    stored.accept(checkpoint.worldId(), checkpoint.offset());
                    checkpoint.durable().complete(null);
                },
                failure -> fail(checkpoint, failure));
    }

    private void fail(Checkpoint checkpoint, Throwable failure) {
        failed.increment();
        LOG.warnf("checkpoint of world %s (%s) not stored: %s", checkpoint.worldId(), checkpoint.reason(),
                failure.getMessage());
        checkpoint.durable().completeExceptionally(failure);
    }

    /** Says that this engine runs {@code listing}'s world. */
    public CompletionStage<Void> list(WorldListing listing) {
        return listings.send(Record.of(listing.worldId(), Json.write(listing))).subscribeAsCompletionStage();
    }

    /** Forgets a deleted world: its listing and its checkpoint. */
    public CompletionStage<Void> forget(String worldId) {
        CompletableFuture<Void> listing = listings.send(Record.<String, String>of(worldId, null))
                .subscribeAsCompletionStage();
        CompletableFuture<Void> state = checkpoints.send(Record.<String, String>of(worldId, null))
                .subscribeAsCompletionStage();
        return CompletableFuture.allOf(listing, state);
    }

    /** Says that this engine is up and where clients reach it. */
    public CompletionStage<Void> announce() {
        return engines.send(Record.of(identity.id(), Json.write(new EngineListing(MessageSchema.CURRENT, identity.id(),
                identity.url(), System.currentTimeMillis())))).subscribeAsCompletionStage();
    }

    /** Says that this engine stops. */
    public CompletionStage<Void> withdraw() {
        return engines.send(Record.<String, String>of(identity.id(), null)).subscribeAsCompletionStage();
    }

    @PreDestroy
    void stop() {
        encoder.shutdown();
    }
}
