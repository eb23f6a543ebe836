package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.testing.KafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configs of the default user with as many custom walls as a config may hold (about 20 KB each), put on the
 * configs changelog as the persistence service would, so that {@code list_configs} answers with megabytes
 * through the real reply path; closing deletes them again (tombstones).
 */
final class BulkConfigs implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
            new StringSerializer(), new StringSerializer());
    private final List<String> ids = new ArrayList<>();

    static BulkConfigs publish(String prefix, int count) {
        BulkConfigs configs = new BulkConfigs();
        ArenaConfig walled = walled();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            ConfigRecord record = new ConfigRecord(MessageSchema.CURRENT, id, DefaultEntities.DEFAULT_USER_ID,
                    "bulk config " + i, false, 1, Instant.now(), walled);
            configs.producer.send(new ProducerRecord<>(Topics.CONFIGS, id, Json.write(record)));
            configs.ids.add(id);
        }
        configs.producer.flush();
        return configs;
    }

    /** The default settings with {@link ArenaConfig#MAX_WALLS} small walls inside the default 800 × 600 world. */
    private static ArenaConfig walled() {
        ObjectNode settings = (ObjectNode) Json.toTree(ArenaConfig.defaults());
        ArrayNode walls = settings.putArray("walls");
        for (int i = 0; i < ArenaConfig.MAX_WALLS; i++) {
            // Full-precision coordinates, as a drawing tool would save them: about 100 bytes a wall.
            walls.addObject().put("x", (i * 37) % 700 + 0.1234567891234567).put("y", (i * 53) % 500 + 0.7654321987654321)
                    .put("width", 20.123456789012345).put("height", 30.987654321098765);
        }
        ArenaConfig config = Json.convert(settings, ArenaConfig.class);
        if (!config.validate().isEmpty()) {
            throw new IllegalStateException("bulk configs must be valid: " + config.validate());
        }
        return config;
    }

    @Override
    public void close() {
        ids.forEach(id -> producer.send(new ProducerRecord<>(Topics.CONFIGS, id, null)));
        producer.flush();
        producer.close();
    }
}
