package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.view.BehaviorView;
import dev.agentarena.engine.view.ConfigView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends persistence commands over Kafka and routes each result back to whoever asked. A committed config or
 * behavior is put into its view at once, so the asker's next read sees it even before the changelog record arrives.
 * <p>
 * Two ways to ask: {@link #send} (one command, one answer) and {@link #request}, for a client's request that may be
 * sent again: same request key within 10 minutes → the first outcome (the command is never applied twice), and a
 * result arriving after the TIMEOUT is still handed over, as a late result. Both refuse at once with UNAVAILABLE
 * while the persistence service has answered nothing for {@code arena.engine.persistence-silence} although
 * commands wait, but for one probe per silence ({@link PersistenceAvailability}).
 */
@ApplicationScoped
public class PersistenceClient {

    private static final Logger LOG = Logger.getLogger(PersistenceClient.class);

    private final MutinyEmitter<Record<String, String>> commands;
    private final PendingReplies<PersistenceResult> pending = new PendingReplies<>();
    private final RequestLedger requests = new RequestLedger();
    private final PersistenceAvailability availability;
    private final ConfigView configs;
    private final BehaviorView behaviors;
    private final EngineConfig config;
    private final MeterRegistry registry;
    private final Timer resultQueued;

    public PersistenceClient(@Channel("persistence-commands") MutinyEmitter<Record<String, String>> commands,
                             ConfigView configs, BehaviorView behaviors, EngineConfig config, MeterRegistry registry) {
        this.commands = commands;
        this.configs = configs;
        this.behaviors = behaviors;
        this.config = config;
        this.registry = registry;
        registry.gauge("arena.engine.persistence.pending", pending, PendingReplies::size);
        registry.gauge("arena.engine.persistence.requests.remembered", requests, RequestLedger::size);
        this.availability = new PersistenceAvailability(config.persistenceSilence(), registry, System.nanoTime());
        // The last Kafka hop of a save (persistence's send to this engine's read), beside persistence's own steps.
        this.resultQueued = Timer.builder("arena.engine.persistence.result.queued")
                .description("from a persistence result's Kafka timestamp to its read here (ms precision)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /**
     * Sends {@code command}; {@code onResult} gets its result, or a synthetic ERROR result when the command
     * could not be sent or no answer came in time.
     */
    public void send(PersistenceCommand command, Consumer<PersistenceResult> onResult) {
        if (availability.refuseNow(System.nanoTime())) {
            onResult.accept(unavailable(command));
            return;
        }
        pending.await(command.commandId(), config.replyTimeout(), onResult, () -> onResult.accept(timeout(command)));
        publish(command, failure -> pending.deliver(command.commandId(), failure, true));
    }

    /**
     * Sends the command of a client's request once per {@code requestKey} (the user and the requestId: keys of two
     * users never meet) for 10 minutes. A request sent again gets the first outcome when it is known, joins the wait
     * while the command is in flight, and sends the same command (same commandId, so persistence answers it again
     * rather than applying it twice) after a TIMEOUT. {@code command} is called only for a new request.
     */
    public void request(String requestKey, Supplier<PersistenceCommand> command, PersistenceReply reply) {
        long now = System.nanoTime();
        RequestLedger.Request request = requests.requestFor(requestKey, command, now);
        if (!request.attach(reply)) {
            return;
        }
        if (availability.refuseNow(System.nanoTime())) {
            request.timeOut(unavailable(request.command));
            return;
        }
        PersistenceCommand sent = request.command;
        pending.await(sent.commandId(), config.replyTimeout(), request::complete, () -> request.timeOut(timeout(sent)));
        // A send that failed may still have reached the broker: not an outcome, so a re-send may learn the real one.
        publish(sent, failure -> {
            if (pending.cancel(sent.commandId())) {
                request.timeOut(failure);
            }
        });
    }

    private void publish(PersistenceCommand command, Consumer<PersistenceResult> onSendFailure) {
        commands.send(Record.of(command.key(), Json.write(command))).subscribe().with(
                sent -> { },
                failure -> onSendFailure.accept(PersistenceResult.failed(command, ResultStatus.ERROR,
                        "the command could not be sent: " + failure.getMessage(), List.of())));
    }

    @Incoming("persistence-results")
    public void onResult(ConsumerRecord<String, String> record) {
        resultQueued.record(Math.max(0, System.currentTimeMillis() - record.timestamp()), TimeUnit.MILLISECONDS);
        PersistenceResult result;
        try {
            result = MessageSchema.read(record.value(), PersistenceResult.class);
        } catch (JsonReadException | IllegalArgumentException e) {
            registry.counter("arena.engine.kafka.malformed", "topic", "results").increment();
            LOG.warnf("unreadable persistence result skipped: %s", e.getMessage());
            return;
        }
        if (result.status() == ResultStatus.OK && result.entity() != null && result.type() != null) {
            switch (result.type()) {
                case SAVE_CONFIG -> configs.upsert(MessageSchema.convert(result.entity(), ConfigRecord.class));
                case DELETE_CONFIG -> configs.remove(result.entity().path("id").asText());
                case SAVE_BEHAVIOR -> behaviors.upsert(MessageSchema.convert(result.entity(), BehaviorRecord.class));
                case DELETE_BEHAVIOR -> behaviors.remove(result.entity().path("id").asText());
            }
        }
        availability.resultArrived(System.nanoTime());
        if (!pending.deliver(result.commandId(), result, true)) {
            // Possibly the late outcome of a request already told TIMEOUT.
            requests.complete(result);
        }
    }

    /** Ends waits past their deadline and judges whether persistence answers; called periodically. */
    public void expireWaits(long nowNanos) {
        pending.expire(nowNanos);
        long earliestDeadline = pending.earliestDeadlineNanos();
        availability.check(earliestDeadline == Long.MAX_VALUE ? Long.MAX_VALUE : earliestDeadline - config.replyTimeout().toNanos(),
                nowNanos);
        requests.expire(nowNanos);
    }

    /** False while new commands are refused with UNAVAILABLE (for readiness or a client's status). */
    public boolean isAvailable() {
        return availability.isAvailable();
    }

    private PersistenceResult timeout(PersistenceCommand command) {
        return PersistenceResult.failed(command, ResultStatus.ERROR, "the persistence service did not answer in "
                + config.replyTimeout().toSeconds() + " s; the outcome is unknown (send the same requestId again to learn it)",
                List.of(new FieldError("", "TIMEOUT", "no answer in time")));
    }

    private PersistenceResult unavailable(PersistenceCommand command) {
        return PersistenceResult.failed(command, ResultStatus.ERROR, "the persistence service is not answering; nothing was "
                + "saved, try again shortly", List.of(new FieldError("", "UNAVAILABLE", "persistence is not answering")));
    }
}
