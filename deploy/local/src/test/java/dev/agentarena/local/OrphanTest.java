package dev.agentarena.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A launcher killed with kill -9 takes its child JVMs with it. */
class OrphanTest {

    @TempDir
    Path dataDir;

    @Test
    void aChildDiesWhenItsLauncherIsKilledWithSigkill() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LauncherWithOneChild.class.getName(), dataDir.toString());
        Process launcher = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(out.readLine().strip());
        }
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
        assertThat(child.isAlive()).isTrue();

        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        child.onExit().get(15, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
    }

    /** Starts the embedded MongoDB child, prints its pid, then waits to be killed. */
    public static final class LauncherWithOneChild {

        public static void main(String[] args) throws Exception {
            Path dataDir = Path.of(args[0]);
            EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo.mv"), Ports.free(), dataDir.resolve("logs"));
            System.out.println(mongo.process().pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
