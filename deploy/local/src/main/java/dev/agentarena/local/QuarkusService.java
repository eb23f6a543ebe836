package dev.agentarena.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the three services, run from its fast-jar ({@code <module>/target/quarkus-app}) in a child JVM. */
public final class QuarkusService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final List<String> HEAP = List.of("-Xms64m", "-Xmx512m");
    /**
     * The services that wait on Kafka and MongoDB run on C1 alone. With both JIT tiers, C2 compiling their libraries
     * took 20–30 % of a core for the first minutes after a start, on the 2 cores the whole stack shares, and more CPU
     * than the code it made faster saved (SaveLatencyBench, docs/benchmarks.md). The engine keeps C2: its simulation's
     * loops need it.
     */
    private static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1");
    /** The module of the game engine, the one service that keeps both JIT tiers. */
    static final String ENGINE_MODULE = "game-engine";

    private final ChildProcess process;
    private final int port;

    private QuarkusService(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** As {@link #start(String, Path, int, Map, Map, Path, Duration)} with nothing added to the environment. */
    public static QuarkusService start(String name, Path appDir, int port, Map<String, String> properties, Path logDir,
                                       Duration readyTimeout) throws IOException, InterruptedException {
        return start(name, appDir, port, properties, Map.of(), logDir, readyTimeout);
    }

    /**
     * Starts the service and waits until {@code /q/health/ready} answers 200.
     *
     * @param properties  system properties such as {@code kafka.bootstrap.servers}; {@code quarkus.http.port} is set here
     * @param environment environment variables, Quarkus' other way in (the one a Kubernetes pod uses)
     */
    public static QuarkusService start(String name, Path appDir, int port, Map<String, String> properties,
                                       Map<String, String> environment, Path logDir, Duration readyTimeout)
            throws IOException, InterruptedException {
        Path runJar = appDir.resolve("quarkus-run.jar");
        if (!Files.exists(runJar)) {
            throw new StackException(runJar + " is missing: build first (./mvnw install -DskipTests)");
        }
        var props = new HashMap<>(properties);
        props.put("quarkus.http.port", String.valueOf(port));
        // No class-data archive: Quarkus loads the application through its own class loader, which a dynamic archive
        // does not cover; measured here, "started in" did not improve (1.7 s -> 2.2 s for the engine) and each stop
        // took seconds longer while recording.
        ChildProcess child = ChildProcess.start(name, List.of(runJar.toString()), "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                List.of(), props, environment, jvmOptions(appDir), false, logDir.resolve(name + ".log"));
        try {
            awaitReady(child, port, readyTimeout);
        } catch (RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
        return new QuarkusService(child, port);
    }

    /** The options of the service built in {@code appDir} ({@code <module>/target/quarkus-app}). */
    static List<String> jvmOptions(Path appDir) {
        Path module = appDir.toAbsolutePath().normalize().getParent().getParent().getFileName();
        List<String> options = new ArrayList<>(HEAP);
        if (!module.toString().equals(ENGINE_MODULE)) {
            options.addAll(C1_ONLY);
        }
        return options;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /** True when the service answers 200 on its readiness endpoint. */
    public static boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitReady(ChildProcess child, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady(port)) {
            if (!child.isAlive()) {
                throw new StackException(child.name() + " exited during start:\n" + child.logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(child.name() + " was not ready within " + timeout.toSeconds() + " s:\n" + child.logTail(40));
            }
            Thread.sleep(100);
        }
    }
}
