package dev.agentarena.persistence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.persistence.entity.ProcessedCommand;
import dev.agentarena.persistence.repository.ProcessedCommandRepository;
import dev.agentarena.persistence.service.BehaviorCommandService;
import dev.agentarena.persistence.service.CommandOutcome;
import dev.agentarena.persistence.service.ConfigCommandService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Reads persistence commands from Kafka, applies each once (a redelivered command gets its first answer
 * again), then publishes the change on the changelog and the answer on the results topic.
 * A malformed message is answered when it names a commandId, counted, and never blocks the partition.
 */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final ConfigCommandService configCommands;
    private final BehaviorCommandService behaviorCommands;
    private final ProcessedCommandRepository processed;
    private final ChangelogPublisher changelog;
    private final MutinyEmitter<Record<String, String>> results;
    private final MeterRegistry registry;

    public CommandConsumer(ConfigCommandService configCommands, BehaviorCommandService behaviorCommands,
                           ProcessedCommandRepository processed,
                           ChangelogPublisher changelog,
                           @Channel("persistence-results") MutinyEmitter<Record<String, String>> results,
                           MeterRegistry registry) {
        this.configCommands = configCommands;
        this.behaviorCommands = behaviorCommands;
        this.processed = processed;
        this.changelog = changelog;
        this.results = results;
        this.registry = registry;
    }

    @Incoming("persistence-commands")
    public Uni<Void> onCommand(String message) {
        PersistenceCommand command;
        try {
            command = MessageSchema.read(message, PersistenceCommand.class);
            if (command.commandId() == null || command.type() == null) {
                throw new IllegalArgumentException("a command needs commandId and type");
            }
        } catch (JsonReadException | IllegalArgumentException e) {
            return rejectMalformed(message, e.getMessage());
        }
        PersistenceCommand valid = command;
        return processed.findById(valid.commandId()).flatMap(previous -> previous != null
                ? replay(valid, previous)
                : apply(valid));
    }

    private Uni<Void> apply(PersistenceCommand command) {
        Uni<CommandOutcome> outcome = switch (command.type()) {
            case SAVE_CONFIG -> configCommands.save(command);
            case DELETE_CONFIG -> configCommands.delete(command);
            case SAVE_BEHAVIOR -> behaviorCommands.save(command);
            case DELETE_BEHAVIOR -> behaviorCommands.delete(command);
        };
        return outcome
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "command %s (%s) failed", command.commandId(), command.type());
                    return CommandOutcome.unchanged(PersistenceResult.failed(command, ResultStatus.ERROR,
                            "the command could not be applied: " + failure.getMessage(), List.of()));
                })
                // Independent of each other once the change is committed, so done together: the asker's
                // wait is one round trip instead of three. The record of the answer is still written before
                // the command's offset is acknowledged, so a redelivery finds it.
                .flatMap(done -> Uni.combine().all()
                        .unis(publishChange(done), remember(command, done.result()), reply(done.result()))
                        .discardItems());
    }

    private Uni<Void> publishChange(CommandOutcome outcome) {
        return outcome.change() == null ? Uni.createFrom().voidItem() : changelog.publish(outcome.change());
    }

    private Uni<Void> remember(PersistenceCommand command, PersistenceResult result) {
        ProcessedCommand record = new ProcessedCommand();
        record.commandId = command.commandId();
        record.result = Json.write(result);
        record.processedAt = Instant.now();
        return processed.persistOrUpdate(record).replaceWithVoid();
    }

    private Uni<Void> replay(PersistenceCommand command, ProcessedCommand previous) {
        LOG.debugf("command %s was already applied; answering again", command.commandId());
        return reply(Json.read(previous.result, PersistenceResult.class));
    }

    private Uni<Void> reply(PersistenceResult result) {
        registry.counter("arena.persistence.commands", "type", result.type().name(), "outcome", result.status().name())
                .increment();
        return results.send(Record.of(result.commandId(), Json.write(result)));
    }

    private Uni<Void> rejectMalformed(String message, String reason) {
        registry.counter("arena.persistence.commands", "type", "UNKNOWN", "outcome", "MALFORMED").increment();
        String commandId = commandIdOf(message);
        LOG.warnf("malformed persistence command %s rejected: %s", commandId == null ? "(no commandId)" : commandId, reason);
        if (commandId == null) {
            return Uni.createFrom().voidItem();
        }
        PersistenceResult answer = new PersistenceResult(MessageSchema.CURRENT, commandId, null, ResultStatus.INVALID,
                null, List.of(new FieldError("", "MALFORMED_COMMAND", reason)), "malformed command: " + reason);
        return results.send(Record.of(commandId, Json.write(answer)));
    }

    private static String commandIdOf(String message) {
        try {
            JsonNode id = Json.tree(message).path("commandId");
            return id.isTextual() ? id.asText() : null;
        } catch (JsonReadException e) {
            return null;
        }
    }
}
