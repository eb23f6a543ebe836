package dev.agentarena.local;

import dev.agentarena.contracts.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One real broker for the class: topics, a record round trip, the Ctrl-C rule, and a restart that keeps the log. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaBrokerTest {

    @TempDir
    static Path dataDir;
    static int port;
    static int controllerPort;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        port = Ports.free();
        controllerPort = Ports.free();
        broker = KafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort, dataDir.resolve("logs"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void createsEveryTopicOnceWithItsPartitionsCompactionAndSettings() throws Exception {
        assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(new TopicSetup.Result(Topics.ALL.size(), 0, 0));
        assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(new TopicSetup.Result(0, 0, 0));

        try (Admin admin = admin()) {
            List<String> names = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            for (Topics.TopicSpec spec : Topics.ALL) {
                assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                assertThat(config(admin, spec.name(), TopicConfig.CLEANUP_POLICY_CONFIG)).as(spec.name())
                        .isEqualTo(spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
                for (Map.Entry<String, String> setting : spec.settings().entrySet()) {
                    assertThat(config(admin, spec.name(), setting.getKey())).as(spec.name() + " " + setting.getKey())
                            .isEqualTo(setting.getValue());
                }
            }
            assertThat(topics.get(Topics.WORLD_COMMANDS).partitions()).hasSize(Topics.DEFAULT_WORLD_PARTITIONS);
            assertThat(config(admin, Topics.WORLD_CHECKPOINTS, TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                    .isEqualTo(String.valueOf(Topics.CHECKPOINT_MAX_BYTES));
        }
    }

    @Test
    @Order(2)
    void repairsTopicsSomeoneElseCreatedWithoutTheirConfigsAndWithTooFewPartitions() throws Exception {
        TopicSetup.ensure(broker.bootstrapServers());
        try (Admin admin = admin()) {
            List<String> bare = List.of(Topics.CONFIGS, Topics.WORLD_CHECKPOINTS);
            admin.deleteTopics(bare).all().get(10, TimeUnit.SECONDS);
            for (String topic : bare) {
                awaitTopicGone(admin, topic);
            }
            admin.createTopics(bare.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get(10, TimeUnit.SECONDS);

            assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(new TopicSetup.Result(0, 2, 2));

            assertThat(config(admin, Topics.CONFIGS, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(config(admin, Topics.WORLD_CHECKPOINTS, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(config(admin, Topics.WORLD_CHECKPOINTS, TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                    .isEqualTo(String.valueOf(Topics.CHECKPOINT_MAX_BYTES));
            Map<String, TopicDescription> topics = admin.describeTopics(bare).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.CONFIGS).partitions()).hasSize(3);
            assertThat(topics.get(Topics.WORLD_CHECKPOINTS).partitions()).hasSize(3);
        }
    }

    @Test
    @Order(3)
    void growsTheWorldCommandsToTheConfiguredPartitionsAndNeverShrinksThem() throws Exception {
        int more = Topics.DEFAULT_WORLD_PARTITIONS + 4;
        assertThat(TopicSetup.ensure(broker.bootstrapServers(), more)).isEqualTo(new TopicSetup.Result(0, 0, 1));
        assertThat(TopicSetup.ensure(broker.bootstrapServers(), more)).isEqualTo(new TopicSetup.Result(0, 0, 0));
        assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(new TopicSetup.Result(0, 0, 0));

        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(List.of(Topics.WORLD_COMMANDS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.WORLD_COMMANDS).partitions()).hasSize(more);
        }
    }

    @Test
    @Order(4)
    void ignoresCtrlCSoOnlyTheLauncherDecidesWhenItStops() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(broker.process().pid())).start().waitFor();
        Thread.sleep(1_500);
        assertThat(broker.process().isAlive()).isTrue();
        assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(new TopicSetup.Result(0, 0, 0));
    }

    @Test
    @Order(5)
    void aRecordSentBeforeARestartIsReadAfterIt() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.WORLD_EVENTS, key, "{\"type\":\"hello\"}")).get(10, TimeUnit.SECONDS);
        }
        assertThat(readAll(Topics.WORLD_EVENTS)).extracting(ConsumerRecord::key).contains(key);

        broker.close();
        assertThat(broker.process().isAlive()).isFalse();
        broker = KafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort, dataDir.resolve("logs"));

        assertThat(readAll(Topics.WORLD_EVENTS)).extracting(ConsumerRecord::key).contains(key);
        assertThat(TopicSetup.ensure(broker.bootstrapServers())).isEqualTo(new TopicSetup.Result(0, 0, 0));
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static String config(Admin admin, String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(name).value();
    }

    private static void awaitTopicGone(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            assertThat(System.nanoTime()).as("topic %s still listed", topic).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
