package dev.agentarena.e2e;

import dev.agentarena.local.EmbeddedMongo;
import dev.agentarena.local.KafkaBroker;
import dev.agentarena.local.Ports;
import dev.agentarena.local.QuarkusService;
import dev.agentarena.local.TopicSetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The stack's parts started one by one, each a real process, on free ports in a temporary folder, so that a fault test
 * can kill any of them and start it again on the same port and data: the Kafka broker, the embedded MongoDB, the
 * persistence service and, when asked for, the engine. The services run their fast-jars (built by {@code package}).
 */
final class FaultParts implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(90);

    private final Path dir;
    private final int kafkaPort = Ports.free();
    private final int controllerPort = Ports.free();
    private final int mongoPort = Ports.free();
    private final int persistencePort = Ports.free();
    private final int enginePort = Ports.free();
    KafkaBroker kafka;
    EmbeddedMongo mongo;
    QuarkusService persistence;
    QuarkusService engine;

    private FaultParts(Path dir) {
        this.dir = dir;
    }

    /** Kafka (with the topics), MongoDB and the persistence service, running. */
    static FaultParts start(String label) throws Exception {
        FaultParts parts = new FaultParts(Files.createTempDirectory("arena-" + label));
        try {
            parts.kafka = parts.startKafka();
            TopicSetup.ensure(parts.kafka.bootstrapServers());
            parts.mongo = parts.startMongo();
            parts.persistence = parts.startPersistence();
            return parts;
        } catch (Exception e) {
            parts.close();
            throw e;
        }
    }

    KafkaBroker startKafka() throws Exception {
        return KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort, dir.resolve("logs"));
    }

    EmbeddedMongo startMongo() throws Exception {
        return EmbeddedMongo.start(dir.resolve("mongo").resolve("faults.mv"), mongoPort, dir.resolve("logs"));
    }

    QuarkusService startPersistence() throws Exception {
        return startService("persistence-service", persistencePort, Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + mongoPort));
    }

    QuarkusService startEngine() throws Exception {
        return startService("game-engine", enginePort, Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.http.host", "127.0.0.1"));
    }

    int persistencePort() {
        return persistencePort;
    }

    String worldUrl(String world) {
        return "ws://127.0.0.1:" + enginePort + "/ws/worlds/" + world;
    }

    /** Kills the broker with SIGKILL and waits until it is gone. */
    void killKafka() throws InterruptedException {
        ProcessHandle.of(kafka.process().pid()).orElseThrow().destroyForcibly();
        kafka.process().waitFor(10);
    }

    private QuarkusService startService(String module, int port, Map<String, String> properties) throws Exception {
        return QuarkusService.start(module, TestStack.repoRoot().resolve(module).resolve("target").resolve("quarkus-app")
                .toAbsolutePath().normalize(), port, properties, dir.resolve("logs"), READY);
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {engine, persistence, mongo, kafka}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception ignored) {
                // Stopping what is left; the temporary folder goes with the JVM.
            }
        }
    }
}
