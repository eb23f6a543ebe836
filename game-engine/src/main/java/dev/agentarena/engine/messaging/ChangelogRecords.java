package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.VersionedMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How the engine applies a record of a compacted topic it reads whole (the changelogs behind its views, the world
 * directory): a null value removes the key, anything else is read tolerantly and upserted under the key; an
 * unreadable record is counted ({@code arena.engine.kafka.malformed{topic}}) and skipped, never fatal.
 */
@ApplicationScoped
public class ChangelogRecords {

    private static final Logger LOG = Logger.getLogger(ChangelogRecords.class);

    private final MeterRegistry registry;

    public ChangelogRecords(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param name the topic's short name, for the counter and the log */
    public <T extends VersionedMessage> void apply(ConsumerRecord<String, String> record, String name, Class<T> type,
                                                   BiConsumer<String, T> upsert, Consumer<String> remove) {
        try {
            if (record.value() == null) {
                remove.accept(record.key());
            } else {
                upsert.accept(record.key(), MessageSchema.read(record.value(), type));
            }
        } catch (JsonReadException | IllegalArgumentException e) {
            registry.counter("arena.engine.kafka.malformed", "topic", name).increment();
            LOG.warnf("unreadable %s changelog record %s skipped: %s", name, record.key(), e.getMessage());
        }
    }
}
