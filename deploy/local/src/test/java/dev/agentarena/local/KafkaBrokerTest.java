package dev.agentarena.local;

import dev.agentarena.contracts.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void topicsAreCreatedOnceCompactedWhereSaidAndKeptAcrossARestart() throws Exception {
        int port = Ports.free();
        int controller = Ports.free();
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port, controller, dir)) {
            assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(Topics.ALL.size());
            assertThat(TopicSetup.ensure(broker.bootstrapServers())).isZero();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                ConfigResource configs = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONFIGS);
                ConfigResource commands = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PERSISTENCE_COMMANDS);
                Map<ConfigResource, Config> described = admin.describeConfigs(List.of(configs, commands)).all().get();
                assertThat(described.get(configs).get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(described.get(commands).get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(admin.describeTopics(List.of(Topics.CONFIGS)).allTopicNames().get()
                        .get(Topics.CONFIGS).partitions()).hasSize(3);
            }
            produce(broker.bootstrapServers(), "kept");
        }
        try (KafkaBroker restarted = KafkaBroker.start(dir.resolve("kafka"), port, controller, dir)) {
            assertThat(TopicSetup.ensure(restarted.bootstrapServers())).isZero();
            assertThat(consumeAll(restarted.bootstrapServers())).contains("kept");
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.WORLD_EVENTS, "w", value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.WORLD_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
