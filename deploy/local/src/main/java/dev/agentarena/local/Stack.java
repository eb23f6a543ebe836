package dev.agentarena.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole system on one machine: Kafka (unless an external one is given), the topics, MongoDB (embedded
 * unless an external URI is given), then persistence-service, llm-gateway and game-engine, each awaited
 * until ready, each under a {@link Supervisor} that restarts it when it dies. Closing stops everything in reverse order. Used by {@code ./arena up} and the end-to-end test.
 */
public final class Stack implements AutoCloseable {

    /**
     * @param repoRoot         where the service modules are (their {@code target/quarkus-app})
     * @param dataDir          Kafka log, Mongo file and child logs
     * @param externalKafka    bootstrap servers of a Kafka to use instead of starting one, or null
     * @param externalMongoUri a MongoDB URI to use instead of the embedded server, or null
     * @param ports            0 for any free port
     * @param engineHost       the interface the engine listens on (0.0.0.0: all); every other part listens on 127.0.0.1
     */
    public record Options(Path repoRoot, Path dataDir, String externalKafka, String externalMongoUri, PortPlan ports,
                          Duration readyTimeout, String engineHost) {
    }

    /** Where the internal services listen: only this machine may reach persistence, the gateway and their metrics. */
    static final String INTERNAL_HOST = "127.0.0.1";

    public record PortPlan(int engine, int persistence, int gateway, int kafka, int kafkaController, int mongo) {
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Options options;
    private final Consumer<String> progress;
    private String bootstrapServers;
    private String mongoUri;
    private Supervisor<QuarkusService> persistence;
    private Supervisor<QuarkusService> gateway;
    private Supervisor<QuarkusService> engine;
    private final List<Supervisor<?>> children = new CopyOnWriteArrayList<>();

    private Stack(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts everything, reporting each step with its duration; on failure, stops what started and rethrows. */
    public static Stack start(Options options, Consumer<String> progress) throws IOException, InterruptedException {
        Stack stack = new Stack(options, progress);
        try {
            stack.startAll();
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Path logs = options.dataDir().resolve("logs");
        PortPlan ports = options.ports();
        if (options.externalKafka() != null) {
            bootstrapServers = options.externalKafka();
            progress.accept(String.format("%-44s external", "Kafka at " + bootstrapServers));
        } else {
            int kafkaPort = net(ports.kafka());
            int controllerPort = net(ports.kafkaController());
            bootstrapServers = step("Kafka broker (KRaft) on " + kafkaPort, () -> supervised("Kafka",
                    () -> KafkaBroker.start(options.dataDir().resolve("kafka"), kafkaPort, controllerPort, logs),
                    KafkaBroker::process)).current().bootstrapServers();
        }
        long topicsBegin = System.nanoTime();
        TopicSetup.Result topics = TopicSetup.ensure(bootstrapServers);
        progress.accept(String.format("%-44s %d created, %d reconfigured, %d given partitions (%.1f s)", "Kafka topics",
                topics.created(), topics.reconfigured(), topics.partitionsAdded(), (System.nanoTime() - topicsBegin) / 1e9));
        if (options.externalMongoUri() != null) {
            mongoUri = options.externalMongoUri();
            progress.accept(String.format("%-44s external (MONGODB_URI)", "MongoDB"));
        } else {
            int mongoPort = net(ports.mongo());
            mongoUri = step("MongoDB (embedded) on " + mongoPort, () -> supervised("MongoDB",
                    () -> EmbeddedMongo.start(options.dataDir().resolve("mongo").resolve("agent_game.mv"), mongoPort, logs),
                    EmbeddedMongo::process)).current().connectionString();
        }
        startPersistence(net(ports.persistence()));
        startGateway(net(ports.gateway()));
        startEngine(net(ports.engine()));
    }

    public void startPersistence(int port) throws IOException, InterruptedException {
        persistence = startService("persistence-service", INTERNAL_HOST, port,
                Map.of("kafka.bootstrap.servers", bootstrapServers, "quarkus.mongodb.connection-string", mongoUri));
    }

    public void startGateway(int port) throws IOException, InterruptedException {
        gateway = startService("llm-gateway", INTERNAL_HOST, port, Map.of("kafka.bootstrap.servers", bootstrapServers));
    }

    public void startEngine(int port) throws IOException, InterruptedException {
        engine = startService("game-engine", options.engineHost(), port, Map.of("kafka.bootstrap.servers", bootstrapServers));
    }

    /** Stops one service and its supervision (for restart tests); the others keep running. */
    public void stopService(QuarkusService service) {
        for (Supervisor<?> child : children) {
            if (child.current() == service) {
                started.remove(child);
                children.remove(child);
                closeQuietly(child);
                return;
            }
        }
        service.close();
    }

    private Supervisor<QuarkusService> startService(String module, String host, int port, Map<String, String> properties)
            throws IOException, InterruptedException {
        Path appDir = options.repoRoot().resolve(module).resolve("target").resolve("quarkus-app");
        Map<String, String> withHost = new HashMap<>(properties);
        withHost.put("quarkus.http.host", host);
        return step(module + " on " + host + ":" + port, () -> supervised(module, () -> QuarkusService.start(module, appDir, port,
                withHost, options.dataDir().resolve("logs"), options.readyTimeout()), QuarkusService::process));
    }

    /** Starts a part under a {@link Supervisor}, which restarts it when it dies; closing the stack stops it. */
    private <T extends AutoCloseable> Supervisor<T> supervised(String name, Supervisor.Starter<T> starter,
                                                               Function<T, ChildProcess> processOf)
            throws IOException, InterruptedException {
        Supervisor<T> child = started(Supervisor.start(name, starter, processOf, progress));
        children.add(child);
        return child;
    }

    /** Every supervised part, in start order: for {@code ./arena status}. */
    public List<Supervisor<?>> children() {
        return List.copyOf(children);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** The running persistence service (after a restart by its supervisor, the new one). */
    public QuarkusService persistence() {
        return persistence.current();
    }

    public QuarkusService gateway() {
        return gateway.current();
    }

    public QuarkusService engine() {
        return engine.current();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            long begin = System.nanoTime();
            closeQuietly(next);
            progress.accept(String.format("%-44s stopped (%.1f s)", next, (System.nanoTime() - begin) / 1e9));
        }
        children.clear();
    }

    private void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            progress.accept("stopping " + part + " failed: " + e.getMessage());
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    private static int net(int port) {
        return Ports.orFree(port);
    }

    private interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Runs one start step and reports it in one line, once it is ready (a failure throws with the child's log tail). */
    private <T> T step(String what, Step<T> action) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        T result = action.run();
        progress.accept(String.format("%-44s ready (%.1f s)", what, (System.nanoTime() - begin) / 1e9));
        return result;
    }
}
