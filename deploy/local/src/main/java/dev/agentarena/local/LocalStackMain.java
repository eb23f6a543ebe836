package dev.agentarena.local;

import dev.agentarena.contracts.kafka.Topics;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./arena up [--engines N] [--wipe] | down | status}: the whole system on this machine, configured by
 * environment variables (see README). {@code up} runs until Ctrl-C or {@code down}, then stops everything in reverse
 * order. A running stack is described by {@code stack.properties} in the data folder (launcher pid, services and
 * their ports), which is how {@code down} and {@code status} find it from another terminal.
 */
public final class LocalStackMain {

    /**
     * Engines listen on consecutive ports from ARENA_ENGINE_PORT; persistence and the gateway, unless set, on the two
     * ports after the last engine (8081 and 8082 with one engine).
     */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "ARENA_ENGINE_PORT", 8080, "ARENA_KAFKA_PORT", 9092, "ARENA_KAFKA_CONTROLLER_PORT", 9093, "ARENA_MONGO_PORT", 27017);
    /** As many engines as the world commands have partitions by default: more would idle. */
    static final int MAX_ENGINES = Topics.DEFAULT_WORLD_PARTITIONS;
    private static final String USAGE = "usage: arena up [--engines N] [--wipe] | down | status";
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        Path repo = Path.of("").toAbsolutePath();
        Path dataDir = Path.of(env("ARENA_DATA_DIR", repo.resolve(".arena").toString())).toAbsolutePath();
        try {
            switch (command) {
                case "up" -> up(repo, dataDir, UpArguments.parse(List.of(args).subList(Math.min(1, args.length), args.length)));
                case "down", "stop" -> down(dataDir);
                case "status" -> status(dataDir);
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** What {@code up} was asked for on the command line. */
    record UpArguments(int engines, boolean wipe) {

        static UpArguments parse(List<String> args) {
            int engines = 1;
            boolean wipe = false;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--wipe" -> wipe = true;
                    case "--engines" -> {
                        if (i + 1 == args.size()) {
                            throw new StackException("--engines needs a count (1-" + MAX_ENGINES + ")");
                        }
                        engines = engineCount(args.get(++i));
                    }
                    default -> throw new StackException("unknown argument " + args.get(i) + "; " + USAGE);
                }
            }
            return new UpArguments(engines, wipe);
        }

        private static int engineCount(String value) {
            try {
                int engines = Integer.parseInt(value.strip());
                if (engines >= 1 && engines <= MAX_ENGINES) {
                    return engines;
                }
            } catch (NumberFormatException e) {
                // Reported below, with the range.
            }
            throw new StackException("--engines " + value + ": give a count from 1 to " + MAX_ENGINES);
        }
    }

    private static void up(Path repo, Path dataDir, UpArguments arguments) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = runningLauncher(dataDir);
        if (running.isPresent()) {
            throw new StackException("the stack is already running (pid " + running.get().pid() + "); `./arena down` stops it");
        }
        if (arguments.wipe()) {
            deleteTree(dataDir);
            System.out.println("wiped " + dataDir);
        }
        String externalKafka = env("KAFKA_BOOTSTRAP_SERVERS", null);
        String externalMongo = env("MONGODB_URI", null);
        int engines = arguments.engines();
        int worldPartitions = worldPartitions(engines);
        Stack.PortPlan ports = portPlan(engines, System.getenv());
        Map<String, Integer> services = servicePorts(ports, engines);
        checkFree(ports, engines, externalKafka == null, externalMongo == null);
        Files.createDirectories(dataDir);
        writeState(dataDir, services);
        long begin = System.nanoTime();
        Stack stack;
        try {
            stack = Stack.start(new Stack.Options(repo, dataDir, externalKafka, externalMongo, ports, SERVICE_READY_TIMEOUT,
                    env("ARENA_ENGINE_HOST", "0.0.0.0"), engines, worldPartitions), System.out::println);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(stateFile(dataDir));
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping…");
            stack.close();
            try {
                Files.deleteIfExists(stateFile(dataDir));
                Files.deleteIfExists(dataDir.resolve("children.properties"));
            } catch (IOException ignored) {
                // Nothing useful to do while exiting; a stale file names a dead pid and is ignored.
            }
            System.out.println("stopped.");
        }, "stack-shutdown"));
        System.out.printf("%nAgent Arena is up in %.1f s: http://localhost:%d/%n", (System.nanoTime() - begin) / 1e9,
                stack.engine().port());
        if (engines > 1) {
            List<QuarkusService> all = stack.engines();
            for (int i = 0; i < all.size(); i++) {
                System.out.printf("  engine-%d  http://localhost:%d/%n", i + 1, all.get(i).port());
            }
        }
        System.out.println("Data and logs: " + dataDir + "    Stop: Ctrl-C or ./arena down");
        while (true) {
            writeChildren(dataDir, stack);
            Thread.sleep(1000);
        }
    }

    /** Each supervised child's state, for {@code ./arena status} in another terminal (rewritten every second). */
    private static void writeChildren(Path dataDir, Stack stack) throws IOException {
        Properties children = new Properties();
        List<Supervisor<?>> all = stack.children();
        children.setProperty("names", String.join(",", all.stream().map(Supervisor::name).toList()));
        for (Supervisor<?> child : all) {
            children.setProperty(child.name() + ".state", child.state().name());
            children.setProperty(child.name() + ".restarts", String.valueOf(child.recentRestarts()));
            children.setProperty(child.name() + ".lastExit", String.valueOf(child.lastExitCode()));
        }
        Path temporary = dataDir.resolve("children.properties.tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            children.store(out, "the launcher's children (rewritten every second while the stack runs)");
        }
        Files.move(temporary, dataDir.resolve("children.properties"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void down(Path dataDir) throws InterruptedException {
        Optional<ProcessHandle> launcher = runningLauncher(dataDir);
        if (launcher.isEmpty()) {
            System.out.println("the stack is not running");
            return;
        }
        System.out.println("stopping the stack (pid " + launcher.get().pid() + ") …");
        launcher.get().destroy();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (launcher.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (launcher.get().isAlive()) {
            throw new StackException("the stack did not stop within " + STOP_TIMEOUT.toSeconds() + " s; kill pid "
                    + launcher.get().pid() + " (its children follow it)");
        }
        System.out.println("stopped.");
    }

    private static void status(Path dataDir) {
        Optional<ProcessHandle> launcher = runningLauncher(dataDir);
        if (launcher.isEmpty()) {
            System.out.println("not running");
            return;
        }
        System.out.println("running (pid " + launcher.get().pid() + "), data in " + dataDir);
        Properties state = readState(dataDir).orElseThrow();
        for (String service : state.getProperty("services", "").split(",")) {
            int port = Integer.parseInt(state.getProperty(service + ".port"));
            System.out.printf("  %-20s http://localhost:%d/  %s%n", service, port, QuarkusService.isReady(port) ? "ready" : "not ready");
        }
        Properties children = load(dataDir.resolve("children.properties")).orElse(new Properties());
        for (String child : children.getProperty("names", "").split(",")) {
            if (!child.isBlank()) {
                System.out.printf("  %-20s %-10s %s restart(s) in the last minute, last exit code %s%n", child,
                        children.getProperty(child + ".state"), children.getProperty(child + ".restarts"),
                        children.getProperty(child + ".lastExit").equals("0") ? "-" : children.getProperty(child + ".lastExit"));
            }
        }
    }

    /**
     * The ports the environment asks for: the engines on consecutive ports from ARENA_ENGINE_PORT; persistence and
     * the gateway, unless set, on the two ports after the last engine.
     */
    static Stack.PortPlan portPlan(int engines, Map<String, String> environment) {
        int enginePort = port(environment, "ARENA_ENGINE_PORT");
        return new Stack.PortPlan(enginePort, port(environment, "ARENA_PERSISTENCE_PORT", enginePort + engines),
                port(environment, "ARENA_GATEWAY_PORT", enginePort + engines + 1), port(environment, "ARENA_KAFKA_PORT"),
                port(environment, "ARENA_KAFKA_CONTROLLER_PORT"), port(environment, "ARENA_MONGO_PORT"));
    }

    /**
     * Each service's name (as its supervisor and log file are named) and port, in the order {@code status} lists them:
     * the engines, then persistence and the gateway. Fails when two would share a port.
     */
    static Map<String, Integer> servicePorts(Stack.PortPlan ports, int engines) {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (int index = 0; index < engines; index++) {
            services.put(Stack.engineName(index, engines), ports.enginePort(index));
        }
        services.put("persistence-service", ports.persistence());
        services.put("llm-gateway", ports.gateway());
        Map<Integer, String> owners = new HashMap<>();
        services.forEach((service, port) -> {
            String other = owners.putIfAbsent(port, service);
            if (other != null) {
                throw new StackException(other + " and " + service + " would both listen on port " + port
                        + "; the engines use consecutive ports from ARENA_ENGINE_PORT: set ARENA_PERSISTENCE_PORT and"
                        + " ARENA_GATEWAY_PORT outside them, or leave them unset (they then follow the last engine)");
            }
        });
        return services;
    }

    private static void checkFree(Stack.PortPlan ports, int engines, boolean kafka, boolean mongo) {
        for (int index = 0; index < engines; index++) {
            Ports.requireFree(ports.enginePort(index), "ARENA_ENGINE_PORT");
        }
        Ports.requireFree(ports.persistence(), "ARENA_PERSISTENCE_PORT");
        Ports.requireFree(ports.gateway(), "ARENA_GATEWAY_PORT");
        if (kafka) {
            Ports.requireFree(ports.kafka(), "ARENA_KAFKA_PORT");
            Ports.requireFree(ports.kafkaController(), "ARENA_KAFKA_CONTROLLER_PORT");
        }
        if (mongo) {
            Ports.requireFree(ports.mongo(), "ARENA_MONGO_PORT");
        }
    }

    private static void writeState(Path dataDir, Map<String, Integer> services) throws IOException {
        Properties state = new Properties();
        state.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        state.setProperty("services", String.join(",", services.keySet()));
        services.forEach((service, port) -> state.setProperty(service + ".port", String.valueOf(port)));
        try (Writer out = Files.newBufferedWriter(stateFile(dataDir))) {
            state.store(out, "the running local stack (deleted when it stops)");
        }
    }

    private static Optional<Properties> readState(Path dataDir) {
        return load(stateFile(dataDir));
    }

    private static Optional<Properties> load(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            Properties state = new Properties();
            state.load(in);
            return Optional.of(state);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The launcher recorded in the state file, if that process still runs (a stale file names a dead pid). */
    private static Optional<ProcessHandle> runningLauncher(Path dataDir) {
        return readState(dataDir).flatMap(state -> {
            try {
                return ProcessHandle.of(Long.parseLong(state.getProperty("pid", "").strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).filter(ProcessHandle::isAlive).filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true));
    }

    private static Path stateFile(Path dataDir) {
        return dataDir.resolve("stack.properties");
    }

    /** ARENA_WORLD_PARTITIONS (default {@link Topics#DEFAULT_WORLD_PARTITIONS}): at least one per engine. */
    private static int worldPartitions(int engines) {
        String value = env("ARENA_WORLD_PARTITIONS", String.valueOf(Topics.DEFAULT_WORLD_PARTITIONS));
        int partitions;
        try {
            partitions = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StackException("ARENA_WORLD_PARTITIONS=" + value + " is not a number of partitions");
        }
        if (partitions < engines) {
            throw new StackException("ARENA_WORLD_PARTITIONS=" + value + " is too few for " + engines + " engine(s): each engine"
                    + " runs the worlds of at least one partition of " + Topics.WORLD_COMMANDS);
        }
        return partitions;
    }

    private static int port(Map<String, String> environment, String variable) {
        return port(environment, variable, DEFAULT_PORTS.get(variable));
    }

    private static int port(Map<String, String> environment, String variable, int fallback) {
        String value = env(environment, variable, null);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(variable + "=" + value + " is not a port number (1-65535)");
        }
    }

    private static String env(String variable, String fallback) {
        return env(System.getenv(), variable, fallback);
    }

    private static String env(Map<String, String> environment, String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
