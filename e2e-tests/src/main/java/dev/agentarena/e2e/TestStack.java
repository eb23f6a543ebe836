package dev.agentarena.e2e;

import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.local.Stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole system on random ports in a fresh temporary data folder, started with the launcher code. The
 * folder is deleted when the JVM exits (after the stack has been closed), so runs leave nothing behind; set
 * {@code -Darena.keep-data=true} to keep it for a post-mortem.
 */
public final class TestStack {

    private TestStack() {
    }

    public static Stack start(Path repoRoot, String label) throws IOException, InterruptedException {
        return start(repoRoot, label, 1);
    }

    /** With {@code engines} engines sharing the worlds ({@link Stack#engines()}), on the default world partitions. */
    public static Stack start(Path repoRoot, String label, int engines) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("arena-" + label);
        if (!Boolean.getBoolean("arena.keep-data")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dataDir), "delete-" + label + "-data"));
        }
        Stack.PortPlan anyPorts = new Stack.PortPlan(0, 0, 0, 0, 0, 0);
        return Stack.start(new Stack.Options(repoRoot.toAbsolutePath().normalize(), dataDir, null, null, anyPorts,
                Duration.ofSeconds(90), "127.0.0.1", engines, Topics.DEFAULT_WORLD_PARTITIONS), line -> System.out.println("[" + label + "] " + line));
    }

    /** The repository root: {@code arena.repo.root} when set (Maven sets it), else the parent of the working folder. */
    public static Path repoRoot() {
        String configured = System.getProperty("arena.repo.root");
        return configured != null ? Path.of(configured) : Path.of("..");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    public static String worldUrl(Stack stack, String world) {
        return "ws://127.0.0.1:" + stack.engine().port() + "/ws/worlds/" + world;
    }
}
