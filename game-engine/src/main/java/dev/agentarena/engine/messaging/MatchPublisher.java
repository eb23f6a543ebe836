package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.engine.world.MatchSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each finished round on {@code arena.world.events}, keyed by its world, for the persistence service to
 * store once (by its event id). The world's thread only enqueues the result: encoding and the Kafka send (which
 * may block while the broker is away) happen on this publisher's own thread. A result that finds the small queue
 * full is dropped and counted, never waited for.
 */
@ApplicationScoped
public class MatchPublisher implements MatchSink {

    private static final Logger LOG = Logger.getLogger(MatchPublisher.class);
    /** Results waiting to be sent at most: rounds last seconds at least, so this only fills while sends fail. */
    static final int QUEUE = 64;

    private final MutinyEmitter<Record<String, String>> events;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "match-publisher");
                thread.setDaemon(true);
                return thread;
            });
    private final Counter sent;
    private final Counter failed;
    private final Counter dropped;

    public MatchPublisher(@Channel("world-events") MutinyEmitter<Record<String, String>> events, MeterRegistry registry) {
        this.events = events;
        this.sent = counter(registry, "sent");
        this.failed = counter(registry, "failed");
        this.dropped = counter(registry, "dropped");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("arena.engine.matches.published").description("Round results handed to Kafka, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void roundEnded(MatchResult result) {
        try {
            sender.execute(() -> send(result));
        } catch (RejectedExecutionException e) {
            dropped.increment();
            LOG.warnf("the result of a round of world %s was dropped: %d results already wait to be sent",
                    result.worldId(), QUEUE);
        }
    }

    private void send(MatchResult result) {
        events.send(Record.of(result.worldId(), Json.write(result))).subscribe().with(
                done -> sent.increment(),
                failure -> {
                    failed.increment();
                    LOG.warnf("the result %s of world %s could not be sent: %s", result.eventId(), result.worldId(),
                            failure.getMessage());
                });
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
