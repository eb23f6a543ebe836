package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.contracts.messages.VersionedMessage;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.view.BehaviorView;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.view.TokenView;
import dev.agentarena.engine.view.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Consumer;

/**
 * Keeps the engine's views in step with the compacted changelogs (read from the beginning at every start).
 * Each record is applied as {@link ChangelogRecords} says.
 */
@ApplicationScoped
public class ChangelogConsumer {

    private final ConfigView configs;
    private final UserView users;
    private final BehaviorView behaviors;
    private final TokenView tokens;
    private final ChangelogProgress progress;
    private final ChangelogRecords records;

    public ChangelogConsumer(ConfigView configs, UserView users, BehaviorView behaviors, TokenView tokens,
                             ChangelogProgress progress, ChangelogRecords records) {
        this.configs = configs;
        this.users = users;
        this.behaviors = behaviors;
        this.tokens = tokens;
        this.progress = progress;
        this.records = records;
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
            records.apply(record, name, type, (key, value) -> upsert.accept(value), remove);
        } finally {
            progress.applied(record.topic(), record.partition(), record.offset());
        }
    }
}
