package dev.agentarena.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Child JVMs stop when closed and die with a launcher killed by kill -9; a taken port names its variable. */
class ChildLifecycleTest {

    @TempDir
    Path dir;

    /** A launcher killed with SIGKILL runs no shutdown hook; its children must still go. */
    @Test
    void childrenDieWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanCheckMain.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("child "));
            assertThat(line).as("the parent reported its child").isNotNull();
            childPid = Long.parseLong(line.substring("child ".length()).strip());
        }
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
        assertThat(child.isAlive()).isTrue();

        parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 15_000;
        while (child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(child.isAlive()).as("child %d outlived its killed parent", childPid).isFalse();
    }

    @Test
    void closeStopsTheChild() throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.start(dir.resolve("db.mv"), Ports.free(), dir);
        ProcessHandle child = ProcessHandle.of(mongo.process().pid()).orElseThrow();
        mongo.close();
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void aTakenPortIsReportedWithItsVariable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(port, "ARENA_ENGINE_PORT"))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("ARENA_ENGINE_PORT");
        }
    }

    /** Stands in for the launcher: starts a child, reports its pid, waits to be killed. */
    public static final class OrphanCheckMain {
        public static void main(String[] args) throws Exception {
            EmbeddedMongo mongo = EmbeddedMongo.start(Path.of(args[0]).resolve("orphan.mv"), Ports.free(), Path.of(args[0]));
            System.out.println("child " + mongo.process().pid());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
