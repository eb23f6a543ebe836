package dev.agentarena.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A supervised child that dies is reported with its exit code and restarted; one that keeps dying is given up on. */
class SupervisorTest {

    @TempDir
    Path dir;

    @Test
    void aChildKilledWithSigkillIsReportedAndRestartedOnTheSamePort() throws Exception {
        int port = Ports.free();
        List<String> report = new CopyOnWriteArrayList<>();
        try (Supervisor<EmbeddedMongo> mongo = Supervisor.start("MongoDB",
                () -> EmbeddedMongo.start(dir.resolve("db.mv"), port, dir), EmbeddedMongo::process, report::add)) {
            long firstPid = mongo.current().process().pid();
            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

            awaitState(mongo, Supervisor.State.RUNNING, firstPid);
            assertThat(mongo.current().process().pid()).isNotEqualTo(firstPid);
            assertThat(Ports.isListening(port)).isTrue();
            assertThat(mongo.lastExitCode()).isEqualTo(137);
            assertThat(mongo.recentRestarts()).isEqualTo(1);
            assertThat(report).anyMatch(line -> line.contains("exited with code 137"))
                    .anyMatch(line -> line.contains("restarted, ready"));
        }
    }

    @Test
    void aChildNoLongerWatchedStaysDeadAfterSigkill() throws Exception {
        List<String> report = new CopyOnWriteArrayList<>();
        try (Supervisor<EmbeddedMongo> mongo = Supervisor.start("MongoDB",
                () -> EmbeddedMongo.start(dir.resolve("db.mv"), Ports.free(), dir), EmbeddedMongo::process, report::add,
                Duration.ofMillis(10))) {
            EmbeddedMongo first = mongo.current();
            mongo.stopWatching();

            assertThat(first.process().kill()).isEqualTo(137);
            // Watched, it would be restarting by now: the backoff is 10 ms.
            Thread.sleep(1_000);
            assertThat(mongo.state()).isEqualTo(Supervisor.State.UNSUPERVISED);
            assertThat(mongo.current()).isSameAs(first);
            assertThat(mongo.recentRestarts()).isZero();
            assertThat(report).isEmpty();
        }
    }

    @Test
    void aChildThatKeepsDyingIsGivenUpOnAfterFiveRestartsInAMinute() throws Exception {
        List<String> report = new CopyOnWriteArrayList<>();
        try (Supervisor<Dying> dying = Supervisor.start("dying", () -> new Dying(dir), Dying::process, report::add,
                Duration.ofMillis(10))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (dying.state() != Supervisor.State.GAVE_UP && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dying.state()).isEqualTo(Supervisor.State.GAVE_UP);
            assertThat(dying.recentRestarts()).isEqualTo(Supervisor.MAX_RESTARTS_PER_MINUTE);
            assertThat(report).filteredOn(line -> line.contains("exited with code 1")).hasSize(Supervisor.MAX_RESTARTS_PER_MINUTE + 1);
            assertThat(report.get(report.size() - 1)).contains("gave up");
        }
    }

    private static void awaitState(Supervisor<?> supervisor, Supervisor.State state, long oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (supervisor.state() == state && supervisor.current() instanceof EmbeddedMongo mongo && mongo.process().pid() != oldPid) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not " + state + " with a new process within 60 s");
    }

    /** A child JVM that fails at once: its main class has no main method. */
    private record Dying(ChildProcess process) implements AutoCloseable {

        Dying(Path dir) throws java.io.IOException {
            this(ChildProcess.start("dying", List.of(), Object.class.getName(), List.of(), Map.of(), Map.of(), List.of(), false,
                    dir.resolve("dying.log")));
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
