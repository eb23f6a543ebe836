package dev.agentarena.testing;

import dev.agentarena.local.EmbeddedMongo;
import dev.agentarena.local.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded MongoDB wire-compatible server (child JVM, random port, fresh file), shared by all tests of
 * one test JVM and stopped when it exits.
 */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedMongo mongo;

    public static synchronized String connectionString() {
        if (mongo == null) {
            try {
                Path dir = Files.createTempDirectory("arena-test-mongo");
                mongo = EmbeddedMongo.start(dir.resolve("test.mv"), Ports.free(), dir.resolve("logs"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    mongo.close();
                    TestFiles.deleteQuietly(dir);
                }, "test-mongo-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test MongoDB server", e);
            }
        }
        return mongo.connectionString();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mongodb.connection-string", connectionString());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at exit.
    }
}
