package dev.agentarena.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in a child JVM, storing in
 * {@code dataDir}. The storage is formatted on the first start only, so a restart keeps every topic.
 */
public final class KafkaBroker implements AutoCloseable {

    /** C1 only: a local broker's load is light, and skipping C2 takes a second off its start on 2 cores. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    private static final long READY_TIMEOUT_MS = 90_000;

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logDir) throws IOException, InterruptedException {
        Path config = writeConfig(dataDir, port, controllerPort);
        List<String> classpath = Classpaths.recorded("kafka-broker");
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            ChildProcess format = ChildProcess.start("kafka-format", classpath, "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"),
                    Map.of(), Map.of(), JVM_OPTIONS, false, logDir.resolve("kafka-format.log"));
            int exit = format.waitFor(60);
            if (exit != 0) {
                format.close();
                throw new StackException("formatting Kafka storage failed (exit " + exit + "):\n" + format.logTail(20));
            }
        }
        ChildProcess broker = ChildProcess.start("kafka", classpath, "kafka.Kafka", List.of(config.toString()), Map.of(),
                Map.of(), JVM_OPTIONS, true, logDir.resolve("kafka.log"));
        String bootstrap = "127.0.0.1:" + port;
        try {
            awaitReady(broker, bootstrap, port);
        } catch (RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return new KafkaBroker(broker, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(dataDir);
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs").toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private static void awaitReady(ChildProcess broker, String bootstrap, int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (System.currentTimeMillis() < deadline) {
            if (!broker.isAlive()) {
                throw new StackException("Kafka exited during start:\n" + broker.logTail(30));
            }
            if (Ports.isListening(port)) {
                try (Admin admin = Admin.create(settings)) {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // The broker is still starting.
                }
            }
            Thread.sleep(200);
        }
        throw new StackException("Kafka was not ready within " + READY_TIMEOUT_MS / 1000 + " s:\n" + broker.logTail(30));
    }
}
