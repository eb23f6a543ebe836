package dev.agentarena.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.bench.BenchWorlds;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.local.Stack;
import dev.agentarena.testing.SignedInUser;
import dev.agentarena.testing.WsTestClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The load tool: starts the whole stack on random ports (as a user gets it), creates a world of M agents,
 * measures the engine with that world running and no viewer ("world alone"), then connects N real WebSocket
 * viewers to it, then the same N viewers to a bare Vert.x broadcast of the very frames the engine sent (the floor,
 * {@link FloorServer}), and prints one markdown row per N: bytes per agent per snapshot, bytes/s per client, engine
 * and floor CPU, snapshots/s, snapshot gap and latency p50/p99, tick rate and p99, dropped clients; then where the
 * CPU of both processes goes, by thread group. Usage:
 * {@code LoadTool [--agents 1000] [--clients 10,100,300,1000] [--seconds 20] [--warmup 30] [--no-floor]}; the
 * world-alone window needs the world's idle pause longer than the warm-up plus the window
 * ({@code ARENA_ENGINE_WORLDS_IDLE_PAUSE=10m}). Build first: {@code ./mvnw -B -q package -DskipTests}.
 */
public final class LoadTool {

    private static final String WORLD = "load";
    private static final int RECORDED_FRAMES = 200;
    private static final String ENCODE = "encode";
    private static final String SOCKETS = "sockets";
    /** The engine's threads by role (thread names as Linux keeps them: at most 15 characters). */
    private static final List<ProcessCpu.Group> ENGINE_THREADS = concat(List.of(
            new ProcessCpu.Group("simulation", List.of("world-loop")),
            new ProcessCpu.Group(ENCODE, List.of("snapshot-encode")),
            new ProcessCpu.Group(SOCKETS, List.of("vert.x-eventloo")),
            new ProcessCpu.Group("Kafka", List.of("smallrye-kafka", "kafka-"))), ProcessCpu.JVM);
    private static final List<ProcessCpu.Group> FLOOR_THREADS = concat(List.of(
            new ProcessCpu.Group(SOCKETS, List.of("vert.x-eventloo"))), ProcessCpu.JVM);

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int agents = Integer.parseInt(options.getOrDefault("agents", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        // Long enough for both JVMs' compilers to finish with the code each window runs: JIT work inside a window
        // was the largest share of the engine's CPU in a 5 s warm-up.
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        boolean floor = !options.containsKey("no-floor");
        List<Integer> clientCounts = new ArrayList<>();
        for (String count : options.getOrDefault("clients", "10,100,300,1000").split(",")) {
            clientCounts.add(Integer.parseInt(count.trim()));
        }
        Path data = Files.createTempDirectory("arena-load");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (Stack stack = Stack.start(new Stack.Options(repoRoot(), data, null, null,
                new Stack.PortPlan(0, 0, 0, 0, 0, 0), Duration.ofSeconds(120), "127.0.0.1"), line -> System.out.println("  " + line))) {
            int port = stack.engine().port();
            createWorld(port, agents);
            System.out.printf("world %s: %d agents; %d s warm-up, %d s measured per row%n", WORLD, agents, warmup, seconds);
            System.out.printf("join: %d bytes (welcome + first snapshot)%n", JoinProbe.bytes(vertx, port, "/ws/worlds/" + WORLD));
            System.out.println();
            HistogramMetric metrics = HistogramMetric.worldTicks(port, WORLD);
            ProcessCpu engineCpu = new ProcessCpu(stack.engine().process().pid(), ENGINE_THREADS);
            WorldAlone alone = measureWorldAlone(metrics, engineCpu, warmup, seconds);
            System.out.println("| agents | clients | B/agent/snapshot | kB/s per client | snapshots/s per client | gap p50 / p99 ms "
                    + "| latency p50 / p99 ms | ticks/s | tick p99 ms | engine CPU % | floor CPU % | engine / floor "
                    + "| engine / (world alone + floor) | dropped |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            List<String> breakdown = new ArrayList<>();
            Path frames = data.resolve("frames.bin");
            FloorProcess floorServer = null;
            try {
                for (int clients : clientCounts) {
                    List<Buffer> recorded = new ArrayList<>();
                    ViewerFleet.Result engine;
                    TreeMap<Double, Double> before;
                    TreeMap<Double, Double> after;
                    double metricSeconds;
                    double engineCpuPercent;
                    Map<String, Double> engineGroups;
                    try (ViewerFleet fleet = ViewerFleet.connect(vertx, port, "/ws/worlds/" + WORLD, clients,
                            frame -> record(recorded, frame))) {
                        TimeUnit.SECONDS.sleep(warmup);
                        long metricStart = System.nanoTime();
                        before = metrics.read();
                        engineCpu.start();
                        fleet.startMeasuring();
                        TimeUnit.SECONDS.sleep(seconds);
                        engine = fleet.stopMeasuring();
                        engineCpuPercent = engineCpu.percentSinceStart();
                        engineGroups = engineCpu.groupPercentSinceStart();
                        after = metrics.read();
                        metricSeconds = (System.nanoTime() - metricStart) / 1e9;
                    }
                    double floorCpuPercent = Double.NaN;
                    Map<String, Double> floorGroups = Map.of();
                    if (floor) {
                        if (floorServer == null) {
                            write(frames, recorded);
                            floorServer = FloorProcess.start(frames);
                        }
                        try (ViewerFleet fleet = ViewerFleet.connect(vertx, floorServer.port(), "/", clients, null)) {
                            TimeUnit.SECONDS.sleep(warmup);
                            ProcessCpu cpu = new ProcessCpu(floorServer.pid(), FLOOR_THREADS);
                            cpu.start();
                            fleet.startMeasuring();
                            TimeUnit.SECONDS.sleep(seconds);
                            fleet.stopMeasuring();
                            floorCpuPercent = cpu.percentSinceStart();
                            floorGroups = cpu.groupPercentSinceStart();
                        }
                    }
                    System.out.printf("| %d | %d | %.2f | %.1f | %.1f | %.0f / %.0f | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %d |%n",
                            agents, clients, engine.bytesPerSnapshot() / agents, engine.bytesPerSecondPerViewer() / 1000,
                            engine.snapshotsPerSecondPerViewer(), engine.gapsMicros().percentile(0.5) / 1000,
                            engine.gapsMicros().percentile(0.99) / 1000, latency(engine),
                            HistogramMetric.ticks(before, after) / metricSeconds,
                            HistogramMetric.percentileMillis(before, after, 0.99), engineCpuPercent, floorCpuPercent,
                            engineCpuPercent / floorCpuPercent, engineCpuPercent / (alone.cpuPercent() + floorCpuPercent),
                            engine.dropped());
                    breakdown.add(String.format("| %d | %d | %s | %s | %.2f |", agents, clients, groups(engineGroups),
                            groups(floorGroups), (engineGroups.get(ENCODE) + engineGroups.get(SOCKETS))
                                    / floorGroups.getOrDefault(SOCKETS, Double.NaN)));
                }
                System.out.println();
                System.out.println("Where the CPU goes, % of one core by thread group over the same windows (world alone, "
                        + "no viewer: " + groups(alone.groups()) + ", " + String.format("%.1f ticks/s", alone.ticksPerSecond()) + "):");
                System.out.println();
                System.out.println("| agents | clients | engine: " + String.join(" / ", ENGINE_THREADS.stream()
                        .map(ProcessCpu.Group::name).toList()) + " / " + ProcessCpu.OTHER + " | floor: "
                        + String.join(" / ", FLOOR_THREADS.stream().map(ProcessCpu.Group::name).toList()) + " / "
                        + ProcessCpu.OTHER + " | engine (encode + sockets) / floor sockets |");
                System.out.println("|---|---|---|---|---|");
                breakdown.forEach(System.out::println);
            } finally {
                if (floorServer != null) {
                    floorServer.close();
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The world running with no viewer, measured before any client connects: what the engine spends whoever
     * watches (simulating, snapshotting, its Kafka consumers), which the floor, by design, does not do.
     */
    private static WorldAlone measureWorldAlone(HistogramMetric metrics, ProcessCpu cpu, int warmup, int seconds)
            throws Exception {
        TimeUnit.SECONDS.sleep(warmup);
        long start = System.nanoTime();
        TreeMap<Double, Double> before = metrics.read();
        cpu.start();
        TimeUnit.SECONDS.sleep(seconds);
        double percent = cpu.percentSinceStart();
        Map<String, Double> groups = cpu.groupPercentSinceStart();
        double ticksPerSecond = HistogramMetric.ticks(before, metrics.read()) / ((System.nanoTime() - start) / 1e9);
        if (ticksPerSecond < 50) {
            throw new IllegalStateException(String.format("the world made %.1f ticks/s with no viewer: it paused or "
                    + "cannot keep up; give it a longer idle pause (ARENA_ENGINE_WORLDS_IDLE_PAUSE=10m)", ticksPerSecond));
        }
        System.out.printf("world alone (no viewer): engine CPU %.1f %% of a core, %.1f ticks/s%n%n", percent, ticksPerSecond);
        return new WorldAlone(percent, groups, ticksPerSecond);
    }

    private record WorldAlone(double cpuPercent, Map<String, Double> groups, double ticksPerSecond) {
    }

    private static List<ProcessCpu.Group> concat(List<ProcessCpu.Group> first, List<ProcessCpu.Group> second) {
        List<ProcessCpu.Group> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static String groups(Map<String, Double> percent) {
        return percent.isEmpty() ? "n/a" : String.join(" / ", percent.values().stream()
                .map(value -> String.format("%.1f", value)).toList());
    }

    private static String latency(ViewerFleet.Result result) {
        return result.latencyMicros().size() == 0 ? "n/a" : String.format("%.1f / %.1f",
                result.latencyMicros().percentile(0.5) / 1000, result.latencyMicros().percentile(0.99) / 1000);
    }

    /** Keeps the first viewer's frames after its join (the deltas every steady viewer gets), for the floor. */
    private static void record(List<Buffer> recorded, Buffer frame) {
        synchronized (recorded) {
            if (recorded.size() < RECORDED_FRAMES + 1) {
                recorded.add(frame.copy());
            }
        }
    }

    private static void write(Path file, List<Buffer> recorded) throws Exception {
        synchronized (recorded) {
            if (recorded.size() < 2) {
                throw new IllegalStateException("the engine sent no binary snapshots to record for the floor");
            }
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
                for (Buffer frame : recorded.subList(1, recorded.size())) {
                    out.writeInt(frame.length());
                    out.write(frame.getBytes());
                }
            }
        }
    }

    /** Pauses world {@code default}, saves a config of {@code agents} agents at the bench density and creates the load world from it. */
    private static void createWorld(int port, int agents) {
        String url = "ws://127.0.0.1:" + port + "/ws/worlds/default";
        // Guests cannot save: the load tool signs in first, as the page does.
        try (WsTestClient control = WsTestClient.connect(url, SignedInUser.signIn(url, "load-" + System.nanoTime()).bearer())) {
            control.awaitType("welcome", Duration.ofSeconds(10));
            JsonNode settings = Json.mapper().valueToTree(BenchWorlds.config(agents));
            control.send(Json.write(Map.of("type", "save_config", "requestId", "load-config",
                    "config", Map.of("name", "load " + agents, "settings", settings))));
            JsonNode saved = control.await(m -> "load-config".equals(m.path("requestId").asText()), Duration.ofSeconds(30));
            if (!"config_saved".equals(saved.path("type").asText())) {
                throw new IllegalStateException("could not save the load config: " + saved);
            }
            // World "default" would otherwise run beside the load world until its idle pause.
            control.send(Json.write(Map.of("type", "pause", "requestId", "pause-default")));
            control.await(m -> "pause-default".equals(m.path("requestId").asText()), Duration.ofSeconds(10));
            control.send(Json.write(Map.of("type", "create_world", "requestId", "load-world", "worldId", WORLD,
                    "configId", saved.path("config").path("id").asText())));
            JsonNode created = control.await(m -> "load-world".equals(m.path("requestId").asText()), Duration.ofSeconds(30));
            if (!"world_created".equals(created.path("type").asText())) {
                throw new IllegalStateException("could not create the load world: " + created);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("no-floor")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    static Path repoRoot() {
        String configured = System.getProperty("arena.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("");
        if (!Files.isDirectory(root.toAbsolutePath().resolve("game-engine"))) {
            throw new IllegalStateException("run from the repository root (or set -Darena.repo.root)");
        }
        return root.toAbsolutePath().normalize();
    }

    /** The floor server as a child JVM on a free port. */
    private record FloorProcess(Process process, int port) implements AutoCloseable {

        static FloorProcess start(Path frames) throws Exception {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FloorServer.class.getName(),
                    Integer.toString(port), frames.toString(), "20", "2")
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("LISTENING")) {
                System.out.println("  floor: " + line);
            }
            if (line == null) {
                throw new IllegalStateException("the floor server did not start");
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "floor-output");
            drain.setDaemon(true);
            drain.start();
            return new FloorProcess(process, port);
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
