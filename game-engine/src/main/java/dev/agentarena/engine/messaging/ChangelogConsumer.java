package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.view.UserView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the engine's views in step with the compacted changelogs (read from the beginning at every start).
 * A null value is a deletion; an unreadable record is counted and skipped, never fatal.
 */
@ApplicationScoped
public class ChangelogConsumer {

    private static final Logger LOG = Logger.getLogger(ChangelogConsumer.class);

    private final ConfigView configs;
    private final UserView users;
    private final ChangelogProgress progress;
    private final MeterRegistry registry;

    public ChangelogConsumer(ConfigView configs, UserView users, ChangelogProgress progress, MeterRegistry registry) {
        this.configs = configs;
        this.users = users;
        this.progress = progress;
        this.registry = registry;
    }

    @Incoming("configs-changelog")
    public void onConfig(ConsumerRecord<String, String> record) {
        try {
            applyConfig(record);
        } finally {
            progress.applied(record.topic(), record.partition(), record.offset());
        }
    }

    @Incoming("users-changelog")
    public void onUser(ConsumerRecord<String, String> record) {
        try {
            applyUser(record);
        } finally {
            progress.applied(record.topic(), record.partition(), record.offset());
        }
    }

    private void applyConfig(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            configs.remove(record.key());
            return;
        }
        try {
            ConfigRecord config = Json.read(record.value(), ConfigRecord.class);
            MessageSchema.requireSupported(config.schema(), "config record");
            configs.upsert(config);
        } catch (JsonReadException | IllegalArgumentException e) {
            skip("configs", record.key(), e);
        }
    }

    private void applyUser(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            users.remove(record.key());
            return;
        }
        try {
            UserRecord user = Json.read(record.value(), UserRecord.class);
            MessageSchema.requireSupported(user.schema(), "user record");
            users.upsert(user);
        } catch (JsonReadException | IllegalArgumentException e) {
            skip("users", record.key(), e);
        }
    }

    private void skip(String topic, String key, Exception e) {
        registry.counter("arena.engine.kafka.malformed", "topic", topic).increment();
        LOG.warnf("unreadable %s changelog record %s skipped: %s", topic, key, e.getMessage());
    }
}
