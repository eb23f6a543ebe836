package dev.agentarena.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** The engine's side of the command topic for tests: send a command, await its result or a changelog record. */
final class CommandChannel implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final KafkaTestClient kafka;

    /** Listens to the results topic and {@code moreTopics} from now on. */
    CommandChannel(String... moreTopics) {
        String[] topics = new String[moreTopics.length + 1];
        topics[0] = Topics.PERSISTENCE_RESULTS;
        System.arraycopy(moreTopics, 0, topics, 1, moreTopics.length);
        kafka = new KafkaTestClient(topics);
    }

    static PersistenceCommand command(CommandType type, String userId, String entityId, Long expectedVersion, Object payload) {
        return PersistenceCommand.of(UUID.randomUUID().toString(), type, userId, entityId, expectedVersion,
                payload == null ? null : Json.toTree(payload));
    }

    PersistenceResult execute(PersistenceCommand command) {
        kafka.send(Topics.PERSISTENCE_COMMANDS, command.key(), Json.write(command));
        return Json.read(await(r -> r.topic().equals(Topics.PERSISTENCE_RESULTS) && command.commandId().equals(r.key()))
                .value(), PersistenceResult.class);
    }

    void sendRaw(String key, String value) {
        sendRaw(Topics.PERSISTENCE_COMMANDS, key, value);
    }

    void sendRaw(String topic, String key, String value) {
        kafka.send(topic, key, value);
    }

    ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(match, WAIT);
        return seen.get(seen.size() - 1);
    }

    static JsonNode tree(ConsumerRecord<String, String> record) {
        return Json.tree(record.value());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
