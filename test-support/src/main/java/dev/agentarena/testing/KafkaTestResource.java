package dev.agentarena.testing;

import dev.agentarena.local.KafkaBroker;
import dev.agentarena.local.Ports;
import dev.agentarena.local.TopicSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, child JVM, random ports, fresh storage) with every topic created, shared by
 * all tests of one test JVM and stopped when it exits (or dies: the child watches its parent).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    /** The broker's bootstrap servers, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("arena-test-kafka");
                broker = KafkaBroker.start(dir, Ports.free(), Ports.free(), dir.resolve("logs"));
                TopicSetup.ensure(broker.bootstrapServers());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker.close();
                    TestFiles.deleteQuietly(dir);
                }, "test-kafka-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test Kafka broker", e);
            }
        }
        return broker.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at exit.
    }
}
