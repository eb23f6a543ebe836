package dev.agentarena.persistence.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.DeadLetter;
import dev.agentarena.contracts.messages.MessageSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Publishes what could not be read as a command on {@code arena.persistence.dead-letters}, counted by reason. */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<Record<String, String>> deadLetters;
    private final MeterRegistry registry;

    public DeadLetterPublisher(@Channel("persistence-dead-letters") MutinyEmitter<Record<String, String>> deadLetters,
                               MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    public Uni<Void> publish(ConsumerRecord<String, String> input, DeadLetter.Reason reason, String detail) {
        registry.counter("arena.persistence.dead.letters", "reason", reason.name()).increment();
        // The reason and where to find the message; never the message itself, which may carry anything.
        LOG.warnf("dead letter %s at %s-%d@%d: %s", reason, input.topic(), input.partition(), input.offset(), detail);
        String value = input.value();
        String payload = value == null || value.length() <= DeadLetter.MAX_PAYLOAD_CHARS
                ? value : value.substring(0, DeadLetter.MAX_PAYLOAD_CHARS);
        DeadLetter letter = new DeadLetter(MessageSchema.CURRENT, reason, detail, input.topic(), input.partition(),
                input.offset(), input.key(), payload, Instant.now());
        return deadLetters.send(Record.of(input.key(), Json.write(letter)));
    }
}
