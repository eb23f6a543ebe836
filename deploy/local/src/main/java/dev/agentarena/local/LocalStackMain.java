package dev.agentarena.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./arena up [--wipe] | down | status}: the whole system on this machine, configured by environment
 * variables (see README). {@code up} runs until Ctrl-C or {@code down}, then stops everything in reverse order.
 */
public final class LocalStackMain {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "ARENA_ENGINE_PORT", 8080, "ARENA_PERSISTENCE_PORT", 8081, "ARENA_GATEWAY_PORT", 8082,
            "ARENA_KAFKA_PORT", 9092, "ARENA_KAFKA_CONTROLLER_PORT", 9093, "ARENA_MONGO_PORT", 27017);

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
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String externalMongo = System.getenv("MONGODB_URI");
        Stack.PortPlan ports = new Stack.PortPlan(port("ARENA_ENGINE_PORT"), port("ARENA_PERSISTENCE_PORT"),
                port("ARENA_GATEWAY_PORT"), port("ARENA_KAFKA_PORT"), port("ARENA_KAFKA_CONTROLLER_PORT"), port("ARENA_MONGO_PORT"));
        checkFree(ports, externalKafka == null, externalMongo == null);
        Files.createDirectories(dataDir);
        Files.writeString(pidFile(dataDir), String.valueOf(ProcessHandle.current().pid()));
        long begin = System.nanoTime();
        Stack stack = Stack.start(new Stack.Options(repo, dataDir, externalKafka, externalMongo, ports, Duration.ofSeconds(60)),
                System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping…");
            stack.close();
            try {
                Files.deleteIfExists(pidFile(dataDir));
            } catch (IOException ignored) {
                // Nothing useful to do while exiting.
            }
            System.out.println("stopped.");
        }, "stack-shutdown"));
        System.out.printf("%nAgent Arena is up in %.1f s: http://localhost:%d/%n", (System.nanoTime() - begin) / 1e9,
                stack.engine().port());
        System.out.println("Data and logs: " + dataDir + "    Stop: Ctrl-C or ./arena down");
        Thread.currentThread().join();
    }

    private static void down(Path dataDir) throws InterruptedException {
        Optional<ProcessHandle> launcher = runningLauncher(dataDir);
        if (launcher.isEmpty()) {
            System.out.println("the stack is not running");
            return;
        }
        System.out.println("stopping the stack (pid " + launcher.get().pid() + ") …");
        launcher.get().destroy();
        long deadline = System.currentTimeMillis() + 120_000;
        while (launcher.get().isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        if (launcher.get().isAlive()) {
            throw new StackException("the stack did not stop within 120 s; kill pid " + launcher.get().pid());
        }
        System.out.println("stopped.");
    }

    private static void status(Path dataDir) {
        Optional<ProcessHandle> launcher = runningLauncher(dataDir);
        System.out.println(launcher.map(p -> "running (pid " + p.pid() + ")").orElse("not running"));
        if (launcher.isPresent()) {
            for (String service : List.of("ARENA_ENGINE_PORT", "ARENA_PERSISTENCE_PORT", "ARENA_GATEWAY_PORT")) {
                int port = port(service);
                System.out.printf("  %-24s port %d: %s%n", service, port, QuarkusService.isReady(port) ? "ready" : "not ready");
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

    private static Optional<ProcessHandle> runningLauncher(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile(dataDir)).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path pidFile(Path dataDir) {
        return dataDir.resolve("stack.pid");
    }

    private static int port(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
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
