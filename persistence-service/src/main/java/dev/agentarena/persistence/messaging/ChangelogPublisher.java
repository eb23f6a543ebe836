package dev.agentarena.persistence.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.persistence.service.CommandOutcome.ChangelogChange;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.util.Map;

/**
 * Publishes every committed change on the compacted changelog topics, keyed by entity id; a deletion is a
 * tombstone (null value), so compaction eventually forgets the entity.
 */
@ApplicationScoped
public class ChangelogPublisher {

    private final Map<String, MutinyEmitter<Record<String, String>>> byTopic;

    public ChangelogPublisher(@Channel("configs-changelog") MutinyEmitter<Record<String, String>> configs,
                              @Channel("users-changelog") MutinyEmitter<Record<String, String>> users,
                              @Channel("behaviors-changelog") MutinyEmitter<Record<String, String>> behaviors,
                              @Channel("user-tokens-changelog") MutinyEmitter<Record<String, String>> tokens) {
        this.byTopic = Map.of(Topics.CONFIGS, configs, Topics.USERS, users, Topics.BEHAVIORS, behaviors,
                Topics.USER_TOKENS, tokens);
    }

    public Uni<Void> publish(ChangelogChange change) {
        MutinyEmitter<Record<String, String>> emitter = byTopic.get(change.topic());
        if (emitter == null) {
            throw new IllegalArgumentException("no changelog channel for topic " + change.topic());
        }
        return emitter.send(Record.of(change.key(), change.record() == null ? null : Json.write(change.record())));
    }
}
