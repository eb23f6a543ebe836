package dev.agentarena.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.agentarena.contracts.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resources as a Quarkus test sees them: real servers in child JVMs, nothing of theirs on this classpath. */
class TestResourcesTest {

    @Test
    void kafkaResourceGivesOneBrokerPerJvmWithEveryTopicAndItsSettings() throws Exception {
        Map<String, String> config = new KafkaTestResource().start();
        assertThat(new KafkaTestResource().start()).isEqualTo(config);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers")))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
            ConfigResource checkpoints = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WORLD_CHECKPOINTS);
            Config checkpointConfig = admin.describeConfigs(List.of(checkpoints)).all().get(10, TimeUnit.SECONDS).get(checkpoints);
            assertThat(checkpointConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).isEqualTo(String.valueOf(Topics.CHECKPOINT_MAX_BYTES));
            assertThat(checkpointConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        try (KafkaTestClient client = new KafkaTestClient(Topics.LLM_EVENTS)) {
            client.send(Topics.LLM_EVENTS, "r1", "{\"type\":\"queued\"}");
            List<ConsumerRecord<String, String>> seen = client.awaitRecord(record -> "r1".equals(record.key()), Duration.ofSeconds(20));
            assertThat(seen.get(seen.size() - 1).value()).isEqualTo("{\"type\":\"queued\"}");
        }
    }

    @Test
    void mongoResourceGivesAWorkingServer() {
        String uri = new MongoTestResource().start().get("quarkus.mongodb.connection-string");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> configs = client.getDatabase("agent_game").getCollection("configs");
            configs.insertOne(new Document("_id", "c1").append("name", "swarm"));
            assertThat(configs.find(eq("_id", "c1")).first()).containsEntry("name", "swarm");
        }
    }

    @Test
    void theServersOwnLibrariesStayOffTheTestClasspath() {
        assertThatThrownBy(() -> Class.forName("kafka.Kafka")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("de.bwaldvogel.mongo.MongoServer")).isInstanceOf(ClassNotFoundException.class);
    }
}
