package dev.agentarena.persistence.messaging;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.persistence.config.PersistenceConfig;
import dev.agentarena.persistence.entity.ProcessedCommand;
import dev.agentarena.persistence.messaging.CommandSteps.Step;
import dev.agentarena.persistence.repository.ProcessedCommandRepository;
import dev.agentarena.persistence.service.BehaviorCommandService;
import dev.agentarena.persistence.service.CommandOutcome;
import dev.agentarena.persistence.service.ConfigCommandService;
import dev.agentarena.persistence.service.MatchQueries;
import dev.agentarena.persistence.service.UserCommandService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Reads persistence commands from Kafka and applies each once: a redelivered command gets its first answer again,
 * and a command whose effect was written just before a crash is recognised by the entity's last command id.
 * The offset of a command is acknowledged only when its answer is recorded (the method's Uni completes), and
 * while MongoDB cannot be reached the command waits and is retried, never answered with a guess.
 * Input that is not a command goes to the dead letters (answered INVALID when it names a usable commandId) and
 * never blocks the partition.
 */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final ConfigCommandService configCommands;
    private final BehaviorCommandService behaviorCommands;
    private final UserCommandService userCommands;
    private final ProcessedCommandRepository processed;
    private final ChangelogPublisher changelog;
    private final DeadLetterPublisher deadLetters;
    private final MutinyEmitter<Record<String, String>> results;
    private final StoreRetry retry;
    private final MatchQueries matchQueries;
    private final CommandReader reader;
    private final MeterRegistry registry;
    private final Timer applyTime;
    private final CommandSteps steps;

    public CommandConsumer(ConfigCommandService configCommands, BehaviorCommandService behaviorCommands,
                           UserCommandService userCommands, ProcessedCommandRepository processed,
                           ChangelogPublisher changelog, DeadLetterPublisher deadLetters,
                           @Channel("persistence-results") MutinyEmitter<Record<String, String>> results,
                           StoreRetry retry, MatchQueries matchQueries, PersistenceConfig config, MeterRegistry registry) {
        this.configCommands = configCommands;
        this.behaviorCommands = behaviorCommands;
        this.userCommands = userCommands;
        this.processed = processed;
        this.changelog = changelog;
        this.deadLetters = deadLetters;
        this.results = results;
        this.retry = retry;
        this.matchQueries = matchQueries;
        this.reader = new CommandReader(config.maxCommandChars());
        this.registry = registry;
        this.applyTime = Timer.builder("arena.persistence.command.apply")
                .description("from reading a command to its answer sent, changelog published and answer recorded")
                .publishPercentileHistogram()
                .register(registry);
        this.steps = new CommandSteps(registry);
    }

    @Incoming("persistence-commands")
    public Uni<Void> onCommand(ConsumerRecord<String, String> input) {
        CommandReader.Reading reading = reader.read(input.value());
        if (reading.command() == null) {
            return rejectMalformed(input, reading);
        }
        PersistenceCommand command = reading.command();
        steps.queued(input.timestamp());
        if (command.type() == CommandType.LIST_MATCHES) {
            // A read: answered from the current state, never recorded, so a re-send simply reads again.
            return retry.untilStoreAnswers(() -> matchQueries.list(command)).flatMap(this::reply);
        }
        if (command.type() == CommandType.MARK_SEEN) {
            // Idempotent by itself (the latest of the times seen wins), so neither looked up nor recorded.
            return retry.untilStoreAnswers(() -> userCommands.markSeen(command)).flatMap(this::reply);
        }
        Timer.Sample sample = Timer.start(registry);
        return steps.timed(Step.LOOKUP, () -> retry.untilStoreAnswers(() -> processed.findById(command.commandId())))
                .flatMap(previous -> previous != null ? replay(command, previous) : applyAndRecord(command))
                .invoke(() -> sample.stop(applyTime));
    }

    private Uni<Void> applyAndRecord(PersistenceCommand command) {
        return steps.timed(Step.APPLY, () -> retry.<CommandOutcome>untilStoreAnswers(() -> apply(command)))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "command %s (%s) failed", command.commandId(), command.type());
                    return CommandOutcome.unchanged(PersistenceResult.failed(command, ResultStatus.ERROR,
                            "the command could not be applied: " + failure.getMessage(), List.of()));
                })
                .flatMap(outcome -> steps.timed(Step.FINISH, () -> finish(command, outcome)));
    }

    private Uni<CommandOutcome> apply(PersistenceCommand command) {
        return switch (command.type()) {
            case SAVE_CONFIG -> configCommands.save(command);
            case DELETE_CONFIG -> configCommands.delete(command);
            case SAVE_BEHAVIOR -> behaviorCommands.save(command);
            case DELETE_BEHAVIOR -> behaviorCommands.delete(command);
            case CREATE_USER -> userCommands.create(command);
            case RENAME_USER -> userCommands.rename(command);
            case REVOKE_TOKEN -> userCommands.revokeToken(command);
            case ABANDON_USER -> userCommands.abandon(command);
            case LIST_MATCHES, MARK_SEEN -> throw new IllegalArgumentException(command.type() + " is answered without a record");
        };
    }

    /**
     * Publishes the change, records the answer and answers. These are independent once the change is committed, so
     * they run together (the asker's wait is one round trip, not three); the record is still written before the
     * offset is acknowledged, so a redelivery finds it. An answer carrying a secret is recorded (without it) before it
     * is sent: a crash then can only lose the answer, never let a redelivery issue a second secret.
     */
    private Uni<Void> finish(PersistenceCommand command, CommandOutcome outcome) {
        Uni<Void> publish = outcome.changes().isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(outcome.changes().stream().map(changelog::publish).toList()).andFailFast().replaceWithVoid();
        Uni<Void> remember = retry.untilStoreAnswers(() -> remember(command, outcome.toRemember()));
        if (outcome.remembered() != null) {
            return remember.chain(() -> Uni.combine().all().unis(publish, reply(outcome.result())).discardItems());
        }
        return Uni.combine().all().unis(publish, remember, reply(outcome.result())).discardItems();
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
        registry.counter("arena.persistence.duplicates.suppressed", "type", command.type().name()).increment();
        return reply(MessageSchema.read(previous.result, PersistenceResult.class));
    }

    private Uni<Void> reply(PersistenceResult result) {
        registry.counter("arena.persistence.commands", "type", result.type() == null ? "UNKNOWN" : result.type().name(),
                "outcome", result.status().name()).increment();
        return results.send(Record.of(result.commandId(), Json.write(result)));
    }


    private Uni<Void> rejectMalformed(ConsumerRecord<String, String> input, CommandReader.Reading reading) {
        registry.counter("arena.persistence.commands", "type", "UNKNOWN", "outcome", "MALFORMED").increment();
        Uni<Void> deadLetter = deadLetters.publish(input, reading.reason(), reading.detail());
        if (reading.commandId() == null) {
            return deadLetter;
        }
        PersistenceResult answer = new PersistenceResult(MessageSchema.CURRENT, reading.commandId(), null, ResultStatus.INVALID,
                null, List.of(new FieldError("", "MALFORMED_COMMAND", reading.reason() + ": " + reading.detail())),
                "malformed command: " + reading.detail());
        return Uni.combine().all().unis(deadLetter, results.send(Record.of(reading.commandId(), Json.write(answer))))
                .discardItems();
    }
}
