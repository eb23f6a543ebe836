package dev.agentarena.persistence.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.UserRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes every committed change on the compacted changelog topics, keyed by entity id; a deletion is a
 * tombstone (null value), so compaction eventually forgets the entity.
 */
@ApplicationScoped
public class ChangelogPublisher {

    private final MutinyEmitter<Record<String, String>> configs;
    private final MutinyEmitter<Record<String, String>> users;

    public ChangelogPublisher(@Channel("configs-changelog") MutinyEmitter<Record<String, String>> configs,
                              @Channel("users-changelog") MutinyEmitter<Record<String, String>> users) {
        this.configs = configs;
        this.users = users;
    }

    public Uni<Void> configChanged(ConfigRecord config) {
        return configs.send(Record.of(config.id(), Json.write(config)));
    }

    public Uni<Void> configDeleted(String configId) {
        return configs.send(Record.of(configId, null));
    }

    public Uni<Void> userChanged(UserRecord user) {
        return users.send(Record.of(user.id(), Json.write(user)));
    }
}
