package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.contracts.messages.VersionedMessage;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.view.BehaviorView;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.view.TokenView;
import dev.agentarena.engine.view.UserView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Keeps the engine's views in step with the compacted changelogs (read from the beginning at every start).
 * A null value is a deletion; an unreadable record is counted and skipped, never fatal.
 */
@ApplicationScoped
public class ChangelogConsumer {

    private static final Logger LOG = Logger.getLogger(ChangelogConsumer.class);

    private final ConfigView configs;
    private final UserView users;
    private final BehaviorView behaviors;
    private final TokenView tokens;
    private final ChangelogProgress progress;
    private final MeterRegistry registry;

    public ChangelogConsumer(ConfigView configs, UserView users, BehaviorView behaviors, TokenView tokens,
                             ChangelogProgress progress, MeterRegistry registry) {
        this.configs = configs;
        this.users = users;
        this.behaviors = behaviors;
        this.tokens = tokens;
        this.progress = progress;
        this.registry = registry;
    }

    @Incoming("configs-changelog")
    public void onConfig(ConsumerRecord<String, String> record) {
        apply(record, "configs", ConfigRecord.class, configs::upsert, configs::remove);
    }

    @Incoming("users-changelog")
    public void onUser(ConsumerRecord<String, String> record) {
        apply(record, "users", UserRecord.class, users::upsert, users::remove);
    }

    @Incoming("behaviors-changelog")
    public void onBehavior(ConsumerRecord<String, String> record) {
        apply(record, "behaviors", BehaviorRecord.class, behaviors::upsert, behaviors::remove);
    }

    /** Token hashes in force (keyed by hash; a tombstone is a revoked token). */
    @Incoming("tokens-changelog")
    public void onToken(ConsumerRecord<String, String> record) {
        apply(record, "tokens", TokenGrant.class, tokens::grant, tokens::revoke);
    }

    private <T extends VersionedMessage> void apply(ConsumerRecord<String, String> record, String name, Class<T> type,
                                                    Consumer<T> upsert, Consumer<String> remove) {
        try {
            if (record.value() == null) {
                remove.accept(record.key());
                return;
            }
            upsert.accept(MessageSchema.read(record.value(), type));
        } catch (JsonReadException | IllegalArgumentException e) {
            skip(name, record.key(), e);
        } finally {
            progress.applied(record.topic(), record.partition(), record.offset());
        }
    }

    private void skip(String topic, String key, Exception e) {
        registry.counter("arena.engine.kafka.malformed", "topic", topic).increment();
        LOG.warnf("unreadable %s changelog record %s skipped: %s", topic, key, e.getMessage());
    }
}
