package dev.agentarena.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The embedded MongoDB-compatible server (mongo-java-server with its H2 backend) in a child JVM. */
public final class EmbeddedMongo implements AutoCloseable {

    private static final long READY_TIMEOUT_MS = 30_000;
    /** C1 only: light local load, faster start. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final ChildProcess process;
    private final int port;

    private EmbeddedMongo(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static EmbeddedMongo start(Path dataFile, int port, Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(dataFile.toAbsolutePath().getParent());
        ChildProcess child = ChildProcess.start("mongo", Classpaths.recorded("embedded-mongo"),
                "dev.agentarena.local.mongo.EmbeddedMongoMain", List.of(String.valueOf(port), dataFile.toAbsolutePath().toString()),
                Map.of("org.slf4j.simpleLogger.defaultLogLevel", "warn"), Map.of(), JVM_OPTIONS, true, logDir.resolve("mongo.log"));
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (!Ports.isListening(port)) {
            if (!child.isAlive() || System.currentTimeMillis() > deadline) {
                child.close();
                throw new StackException("embedded MongoDB did not start:\n" + child.logTail(30));
            }
            Thread.sleep(100);
        }
        return new EmbeddedMongo(child, port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
