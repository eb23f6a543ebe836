package dev.agentarena.persistence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.DeadLetter;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.persistence.entity.MatchEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.MatchRepository;
import dev.agentarena.persistence.repository.StoreErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores each round result from {@code arena.world.events} once in {@code matches} (the event id is the document id,
 * so a redelivered event is no second match). Other world events are skipped; an unreadable result is dead-lettered.
 */
@ApplicationScoped
public class WorldEventConsumer {

    private final MatchRepository matches;
    private final StoreRetry retry;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry registry;

    public WorldEventConsumer(MatchRepository matches, StoreRetry retry, DeadLetterPublisher deadLetters, MeterRegistry registry) {
        this.matches = matches;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Incoming("world-events")
    public Uni<Void> onEvent(ConsumerRecord<String, String> input) {
        MatchResult result;
        try {
            JsonNode tree = Json.tree(input.value());
            if (!MatchResult.TYPE.equals(tree.path("type").asText())) {
                return Uni.createFrom().voidItem();
            }
            result = MessageSchema.read(input.value(), MatchResult.class);
            if (result.eventId() == null || result.worldId() == null || result.endedAt() == null) {
                throw new IllegalArgumentException("a match result needs eventId, worldId and endedAt");
            }
        } catch (JsonReadException e) {
            return deadLetters.publish(input, DeadLetter.Reason.BAD_JSON, e.getMessage());
        } catch (IllegalArgumentException e) {
            return deadLetters.publish(input, e.getMessage().contains("schema") ? DeadLetter.Reason.FUTURE_SCHEMA
                    : DeadLetter.Reason.BAD_ID, e.getMessage());
        } catch (NullPointerException e) {
            return deadLetters.publish(input, DeadLetter.Reason.BAD_JSON, "an empty event");
        }
        MatchEntity match = new MatchEntity();
        match.eventId = result.eventId();
        match.worldId = result.worldId();
        match.endedAt = result.endedAt();
        match.result = EntityMapper.toDocument(result);
        return retry.untilStoreAnswers(() -> matches.persist(match)
                .invoke(() -> registry.counter("arena.persistence.matches.stored").increment())
                .replaceWithVoid()
                .onFailure(StoreErrors::isDuplicateKey).recoverWithItem(() -> {
                    registry.counter("arena.persistence.duplicates.suppressed", "type", "MATCH_RESULT").increment();
                    return null;
                }));
    }
}
