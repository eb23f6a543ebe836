package dev.agentarena.local;

import dev.agentarena.contracts.kafka.Topics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The whole system on one machine: Kafka (unless an external one is given), the topics, MongoDB (embedded
 * unless an external URI is given), then persistence-service, llm-gateway and one or more game engines, each awaited
 * until ready, each under a {@link Supervisor} that restarts it when it dies. Closing stops everything in reverse
 * order. Used by {@code ./arena up} and the end-to-end tests.
 */
public final class Stack implements AutoCloseable {

    /**
     * @param repoRoot         where the service modules are (their {@code target/quarkus-app})
     * @param dataDir          Kafka log, Mongo file and child logs
     * @param externalKafka    bootstrap servers of a Kafka to use instead of starting one, or null
     * @param externalMongoUri a MongoDB URI to use instead of the embedded server, or null
     * @param ports            0 for any free port
     * @param engineHost       the interface the engines listen on (0.0.0.0: all); every other part listens on 127.0.0.1
     * @param engines          how many engines share the worlds (they form one consumer group on the world commands)
     * @param worldPartitions  partitions of {@link Topics#WORLD_COMMANDS}: more engines than that would idle
     */
    public record Options(Path repoRoot, Path dataDir, String externalKafka, String externalMongoUri, PortPlan ports,
                          Duration readyTimeout, String engineHost, int engines, int worldPartitions) {

        public Options {
            if (engines < 1 || engines > worldPartitions) {
                throw new IllegalArgumentException("engines must be 1.." + worldPartitions + " (the partitions of "
                        + Topics.WORLD_COMMANDS + "), not " + engines);
            }
        }

        /** One engine, {@link Topics#DEFAULT_WORLD_PARTITIONS} world partitions. */
        public Options(Path repoRoot, Path dataDir, String externalKafka, String externalMongoUri, PortPlan ports,
                       Duration readyTimeout, String engineHost) {
            this(repoRoot, dataDir, externalKafka, externalMongoUri, ports, readyTimeout, engineHost, 1,
                    Topics.DEFAULT_WORLD_PARTITIONS);
        }
    }

    /** Where the internal services listen: only this machine may reach persistence, the gateway and their metrics. */
    static final String INTERNAL_HOST = "127.0.0.1";

    /** @param engine the first engine's port: engine n listens on {@code engine + n - 1} */
    public record PortPlan(int engine, int persistence, int gateway, int kafka, int kafkaController, int mongo) {

        /** Where engine {@code index} (0: the first) listens; 0 stays 0 (any free port). */
        public int enginePort(int index) {
            return engine == 0 ? 0 : engine + index;
        }
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Options options;
    private final Consumer<String> progress;
    private String bootstrapServers;
    private String mongoUri;
    private Supervisor<QuarkusService> persistence;
    private Supervisor<QuarkusService> gateway;
    /** One slot per engine, in engine order; null while that engine is stopped ({@link #stopService}). */
    private final List<Supervisor<QuarkusService>> engines = new CopyOnWriteArrayList<>();
    /** The port each engine slot listens on, fixed at its first start: an engine started again keeps its URL. */
    private final List<Integer> enginePorts = new CopyOnWriteArrayList<>();
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
            bootstrapServers = register(step("Kafka broker (KRaft) on " + kafkaPort, () -> Supervisor.start("Kafka",
                    () -> KafkaBroker.start(options.dataDir().resolve("kafka"), kafkaPort, controllerPort, logs),
                    KafkaBroker::process, progress))).current().bootstrapServers();
        }
        long topicsBegin = System.nanoTime();
        TopicSetup.Result topics = TopicSetup.ensure(bootstrapServers, options.worldPartitions());
        progress.accept(String.format("%-44s %d created, %d reconfigured, %d given partitions (%.1f s)", "Kafka topics",
                topics.created(), topics.reconfigured(), topics.partitionsAdded(), (System.nanoTime() - topicsBegin) / 1e9));
        if (options.externalMongoUri() != null) {
            mongoUri = options.externalMongoUri();
            progress.accept(String.format("%-44s external (MONGODB_URI)", "MongoDB"));
        } else {
            int mongoPort = net(ports.mongo());
            mongoUri = register(step("MongoDB (embedded) on " + mongoPort, () -> Supervisor.start("MongoDB",
                    () -> EmbeddedMongo.start(options.dataDir().resolve("mongo").resolve("agent_game.mv"), mongoPort, logs),
                    EmbeddedMongo::process, progress))).current().connectionString();
        }
        startPersistence(net(ports.persistence()));
        startGateway(net(ports.gateway()));
        startEngines();
    }

    public void startPersistence(int port) throws IOException, InterruptedException {
        persistence = register(launch("persistence-service", "persistence-service", INTERNAL_HOST, port,
                Map.of("kafka.bootstrap.servers", bootstrapServers, "quarkus.mongodb.connection-string", mongoUri), Map.of()));
    }

    public void startGateway(int port) throws IOException, InterruptedException {
        gateway = register(launch("llm-gateway", "llm-gateway", INTERNAL_HOST, port,
                Map.of("kafka.bootstrap.servers", bootstrapServers), Map.of()));
    }

    /**
     * Starts the engines side by side, as many at a time as there are cores: they are independent, but starting one
     * is CPU-bound (on a 2-core machine three at once were ready after 18.6 s, no sooner than one after the other,
     * and twelve at once would near the ready timeout). Then registers them in engine order. When one fails, the
     * others that started are registered all the same, so closing stops them.
     */
    private void startEngines() throws IOException, InterruptedException {
        for (int index = 0; index < options.engines(); index++) {
            enginePorts.add(net(options.ports().enginePort(index)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.engines(), Runtime.getRuntime().availableProcessors()));
        List<Future<Supervisor<QuarkusService>>> starts = new ArrayList<>();
        for (int index = 0; index < options.engines(); index++) {
            int engine = index;
            starts.add(pool.submit(() -> launchEngine(engine)));
        }
        pool.shutdown();
        Throwable failure = null;
        for (Future<Supervisor<QuarkusService>> start : starts) {
            try {
                engines.add(register(awaitEvenIfInterrupted(start, pool)));
            } catch (ExecutionException e) {
                engines.add(null);
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while the engines started");
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new StackException("starting an engine failed: " + failure, failure);
        }
    }

    /**
     * The start's outcome. An interrupt cancels the pending starts (each stops its half-started child) but still
     * waits for them to end, so no engine is left running unregistered; the interrupt stays set for the caller.
     */
    private static <T> T awaitEvenIfInterrupted(Future<T> start, ExecutorService pool) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return start.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    pool.shutdownNow();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts again the engine that listened on {@code port} before {@link #stopService} stopped it, with the same
     * engine id and URL.
     */
    public void startEngine(int port) throws IOException, InterruptedException {
        int index = enginePorts.indexOf(port);
        if (index < 0 || engines.get(index) != null) {
            throw new IllegalStateException("no stopped engine listened on port " + port + " (engines: " + enginePorts + ")");
        }
        engines.set(index, register(launchEngine(index)));
    }

    private Supervisor<QuarkusService> launchEngine(int index) throws IOException, InterruptedException {
        int port = enginePorts.get(index);
        // As environment variables, the way the Helm chart sets them: the engine reads them as arena.engine.cluster.*.
        return launch(QuarkusService.ENGINE_MODULE, engineName(index, options.engines()), options.engineHost(), port,
                Map.of("kafka.bootstrap.servers", bootstrapServers),
                Map.of("ARENA_ENGINE_CLUSTER_ENGINE_ID", "engine-" + (index + 1),
                        "ARENA_ENGINE_CLUSTER_PUBLIC_URL", "http://" + browserHost(options.engineHost()) + ":" + port));
    }

    /**
     * The name of engine {@code index} (0: the first) among {@code engines}: its supervisor's, its process's and its
     * log file's. A lone engine keeps the module's name.
     */
    public static String engineName(int index, int engines) {
        return engines == 1 ? QuarkusService.ENGINE_MODULE : QuarkusService.ENGINE_MODULE + "-" + (index + 1);
    }

    /** The host a browser on this machine reaches an engine by: an engine on all interfaces is on localhost too. */
    static String browserHost(String engineHost) {
        return engineHost.equals("0.0.0.0") || engineHost.equals("::") ? "localhost" : engineHost;
    }

    /** Stops one service and its supervision (for restart tests); the others keep running. */
    public void stopService(QuarkusService service) {
        Supervisor<?> child = supervisorOf(service);
        if (child == null) {
            service.close();
            return;
        }
        started.remove(child);
        children.remove(child);
        int engine = engines.indexOf(child);
        if (engine >= 0) {
            engines.set(engine, null);
        }
        closeQuietly(child);
    }

    /**
     * Its supervisor stops watching the service: it runs on, is not restarted when it dies, and closing the stack still
     * stops it. For a test that kills a child for good: {@code stopSupervision(s); s.process().kill();}.
     */
    public void stopSupervision(QuarkusService service) {
        Supervisor<?> child = supervisorOf(service);
        if (child == null) {
            throw new IllegalArgumentException(service.process().name() + " is not supervised by this stack");
        }
        child.stopWatching();
    }

    private Supervisor<?> supervisorOf(QuarkusService service) {
        return children.stream().filter(child -> child.current() == service).findFirst().orElse(null);
    }

    /** Starts a service under a {@link Supervisor} (not yet {@link #register registered}), reporting when it is ready. */
    private Supervisor<QuarkusService> launch(String module, String name, String host, int port, Map<String, String> properties,
                                              Map<String, String> environment) throws IOException, InterruptedException {
        Path appDir = options.repoRoot().resolve(module).resolve("target").resolve("quarkus-app");
        Map<String, String> withHost = new HashMap<>(properties);
        withHost.put("quarkus.http.host", host);
        return step(name + " on " + host + ":" + port, () -> Supervisor.start(name, () -> QuarkusService.start(name, appDir, port,
                withHost, environment, options.dataDir().resolve("logs"), options.readyTimeout()), QuarkusService::process, progress));
    }

    /** From now on the supervised part is the stack's: closing the stack stops it, {@code ./arena status} lists it. */
    private <T extends AutoCloseable> Supervisor<T> register(Supervisor<T> child) {
        started.push(child);
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

    /** The first engine, {@code engine-1} (after a restart by its supervisor, the new one). */
    public QuarkusService engine() {
        Supervisor<QuarkusService> first = engines.get(0);
        if (first == null) {
            throw new IllegalStateException("engine-1 is stopped");
        }
        return first.current();
    }

    /**
     * The engines running now, in engine order ({@code engine-1} first). One that is stopped, killed for good, or dead
     * and waiting for its supervisor to start it again is not in the list; once restarted, its new process is.
     */
    public List<QuarkusService> engines() {
        return engines.stream().filter(Objects::nonNull).map(Supervisor::current)
                .filter(engine -> engine.process().isAlive()).toList();
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
