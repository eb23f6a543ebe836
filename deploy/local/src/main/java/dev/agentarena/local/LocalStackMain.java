package dev.agentarena.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./arena up [--wipe] | down | status}: the whole system on this machine, configured by environment
 * variables (see README). {@code up} runs until Ctrl-C or {@code down}, then stops everything in reverse order.
 * A running stack is described by {@code stack.properties} in the data folder (launcher pid, ports), which is how
 * {@code down} and {@code status} find it from another terminal.
 */
public final class LocalStackMain {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "ARENA_ENGINE_PORT", 8080, "ARENA_PERSISTENCE_PORT", 8081, "ARENA_GATEWAY_PORT", 8082,
            "ARENA_KAFKA_PORT", 9092, "ARENA_KAFKA_CONTROLLER_PORT", 9093, "ARENA_MONGO_PORT", 27017);
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
                case "up" -> up(repo, dataDir, List.of(args).contains("--wipe"));
                case "down", "stop" -> down(dataDir);
                case "status" -> status(dataDir);
                default -> {
                    System.err.println("usage: arena up [--wipe] | down | status");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(Path repo, Path dataDir, boolean wipe) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = runningLauncher(dataDir);
        if (running.isPresent()) {
            throw new StackException("the stack is already running (pid " + running.get().pid() + "); `./arena down` stops it");
        }
        if (wipe) {
            deleteTree(dataDir);
            System.out.println("wiped " + dataDir);
        }
        String externalKafka = env("KAFKA_BOOTSTRAP_SERVERS", null);
        String externalMongo = env("MONGODB_URI", null);
        Stack.PortPlan ports = new Stack.PortPlan(port("ARENA_ENGINE_PORT"), port("ARENA_PERSISTENCE_PORT"),
                port("ARENA_GATEWAY_PORT"), port("ARENA_KAFKA_PORT"), port("ARENA_KAFKA_CONTROLLER_PORT"), port("ARENA_MONGO_PORT"));
        checkFree(ports, externalKafka == null, externalMongo == null);
        Files.createDirectories(dataDir);
        writeState(dataDir, ports);
        long begin = System.nanoTime();
        Stack stack;
        try {
            stack = Stack.start(new Stack.Options(repo, dataDir, externalKafka, externalMongo, ports, SERVICE_READY_TIMEOUT,
                    env("ARENA_ENGINE_HOST", "0.0.0.0")), System.out::println);
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
        for (String service : List.of("game-engine", "persistence-service", "llm-gateway")) {
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

    private static void checkFree(Stack.PortPlan ports, boolean kafka, boolean mongo) {
        Ports.requireFree(ports.engine(), "ARENA_ENGINE_PORT");
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

    private static void writeState(Path dataDir, Stack.PortPlan ports) throws IOException {
        Properties state = new Properties();
        state.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        state.setProperty("game-engine.port", String.valueOf(ports.engine()));
        state.setProperty("persistence-service.port", String.valueOf(ports.persistence()));
        state.setProperty("llm-gateway.port", String.valueOf(ports.gateway()));
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

    private static int port(String variable) {
        String value = env(variable, null);
        if (value == null) {
            return DEFAULT_PORTS.get(variable);
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
        String value = System.getenv(variable);
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
