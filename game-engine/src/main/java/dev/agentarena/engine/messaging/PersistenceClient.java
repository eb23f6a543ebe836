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
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sends persistence commands over Kafka and routes each result back to whoever asked. A committed config or
 * behavior is put into its view at once, so the asker's next read sees it even before the changelog record arrives.
 */
@ApplicationScoped
public class PersistenceClient {

    private static final Logger LOG = Logger.getLogger(PersistenceClient.class);

    private final MutinyEmitter<Record<String, String>> commands;
    private final PendingReplies<PersistenceResult> pending = new PendingReplies<>();
    private final ConfigView configs;
    private final BehaviorView behaviors;
    private final EngineConfig config;
    private final MeterRegistry registry;

    public PersistenceClient(@Channel("persistence-commands") MutinyEmitter<Record<String, String>> commands,
                             ConfigView configs, BehaviorView behaviors, EngineConfig config, MeterRegistry registry) {
        this.commands = commands;
        this.configs = configs;
        this.behaviors = behaviors;
        this.config = config;
        this.registry = registry;
        registry.gauge("arena.engine.persistence.pending", pending, PendingReplies::size);
    }

    /**
     * Sends {@code command}; {@code onResult} gets its result, or a synthetic ERROR result when the command
     * could not be sent or no answer came in time.
     */
    public void send(PersistenceCommand command, Consumer<PersistenceResult> onResult) {
        pending.await(command.commandId(), config.replyTimeout(), onResult, () -> onResult.accept(
                PersistenceResult.failed(command, ResultStatus.ERROR, "the persistence service did not answer in "
                        + config.replyTimeout().toSeconds() + " s", List.of(new FieldError("", "TIMEOUT", "no answer in time")))));
        commands.send(Record.of(command.key(), Json.write(command))).subscribe().with(
                sent -> { },
                failure -> pending.deliver(command.commandId(), PersistenceResult.failed(command, ResultStatus.ERROR,
                        "the command could not be sent: " + failure.getMessage(), List.of()), true));
    }

    @Incoming("persistence-results")
    public void onResult(String message) {
        PersistenceResult result;
        try {
            result = MessageSchema.read(message, PersistenceResult.class);
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
        pending.deliver(result.commandId(), result, true);
    }

    /** Ends waits past their deadline; called periodically. */
    public void expireWaits(long nowNanos) {
        pending.expire(nowNanos);
    }
}
