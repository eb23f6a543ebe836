package dev.agentarena.engine.ws.connection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionWriterTest {

    /** The connection's loop, driven by the test: nothing runs until {@link #run()}. */
    private static final class ManualLoop implements ConnectionLoop {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        final List<Runnable> scheduled = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
            scheduled.add(task);
        }

        void run() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    /** Records every write; each stays in flight until the test completes it. */
    private static final class FakeTransport implements ConnectionWriter.Transport {
        final List<String> written = new ArrayList<>();
        final ArrayDeque<UniEmitter<? super Void>> inFlight = new ArrayDeque<>();
        final List<String> closes = new ArrayList<>();

        @Override
        public Uni<Void> sendText(String message) {
            return write("text:" + message);
        }

        @Override
        public Uni<Void> sendBinary(Buffer frame) {
            return write("binary:" + frame.toString());
        }

        private Uni<Void> write(String what) {
            return Uni.createFrom().emitter(emitter -> {
                written.add(what);
                inFlight.add(emitter);
            });
        }

        @Override
        public void close(int code, String reason) {
            closes.add(code + " " + reason);
        }
    }

    private final ManualLoop loop = new ManualLoop();
    private final FakeTransport transport = new FakeTransport();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger overflows = new AtomicInteger();
    private final ConnectionWriter writer = new ConnectionWriter(transport, loop, new ConnectionWriter.Limits(3, 100),
            skipped::incrementAndGet, overflows::incrementAndGet);

    @Test
    void writesRunOnTheLoopOneAtATimeInOrder() {
        writer.send("a");
        writer.send("b");
        assertThat(transport.written).isEmpty();
        loop.run();
        assertThat(transport.written).containsExactly("text:a");
        complete();
        assertThat(transport.written).containsExactly("text:a", "text:b");
        complete();
        writer.send("c");
        loop.run();
        assertThat(transport.written).containsExactly("text:a", "text:b", "text:c");
    }

    @Test
    void aSlowClientGetsOnlyTheNewestSnapshotAndEachSupplierRunsOnlyWhenItsTurnComes() {
        List<String> encoded = new ArrayList<>();
        writer.send("reply");
        loop.run();
        for (int i = 0; i < 4; i++) {
            String name = "s" + i;
            writer.offerSnapshot(() -> {
                encoded.add(name);
                return Buffer.buffer(name);
            });
        }
        loop.run();
        assertThat(encoded).isEmpty();
        complete();
        assertThat(encoded).containsExactly("s3");
        assertThat(transport.written).containsExactly("text:reply", "binary:s3");
        assertThat(skipped).hasValue(3);
    }

    @Test
    void aSnapshotWhoseSupplierAnswersNullIsSkippedAndTheNextWriteGoesOn() {
        writer.offerSnapshot(() -> null);
        writer.send("reply");
        loop.run();
        assertThat(transport.written).containsExactly("text:reply");
    }

    @Test
    void snapshotsAndControlMessagesTakeTurnsWhenBothWait() {
        writer.send("r0");
        loop.run();
        writer.send("r1");
        writer.send("r2");
        writer.offerSnapshot(() -> Buffer.buffer("s1"));
        complete();
        writer.offerSnapshot(() -> Buffer.buffer("s2"));
        complete();
        complete();
        complete();
        assertThat(transport.written).containsExactly("text:r0", "binary:s1", "text:r1", "binary:s2", "text:r2");
    }

    @Test
    void anOverflowingControlQueueClosesTheClientAtOnceAndDropsWhatWaited() {
        writer.send("in flight");
        loop.run();
        writer.send("q1");
        writer.send("q2");
        writer.send("q3");
        writer.send("one too many");
        writer.offerSnapshot(() -> Buffer.buffer("late"));
        loop.run();
        assertThat(transport.closes).singleElement().asString().startsWith(CloseCodes.TRY_AGAIN_LATER + " too slow");
        assertThat(overflows).hasValue(1);
        complete();
        assertThat(transport.written).containsExactly("text:in flight");
    }

    @Test
    void theByteBoundCountsWhatWaitsButOneLargeMessageFitsAnEmptyQueue() {
        writer.send("in flight");
        loop.run();
        writer.send("x".repeat(500));
        writer.send("y");
        assertThat(overflows).hasValue(1);

        ConnectionWriter fresh = new ConnectionWriter(transport, loop, new ConnectionWriter.Limits(3, 100), () -> { },
                overflows::incrementAndGet);
        fresh.send("x".repeat(500));
        assertThat(overflows).hasValue(1);
    }

    @Test
    void aGracefulCloseWritesWhatWaitsFirstAndDropsWhatComesAfter() {
        writer.send("r1");
        writer.send("error");
        writer.close(CloseCodes.POLICY_VIOLATION, "abuse");
        writer.send("after");
        loop.run();
        complete();
        assertThat(transport.closes).isEmpty();
        complete();
        assertThat(transport.written).containsExactly("text:r1", "text:error");
        assertThat(transport.closes).containsExactly(CloseCodes.POLICY_VIOLATION + " abuse");
    }

    @Test
    void aGracefulCloseStuckBehindAStalledWriteHappensWhenTheGraceEnds() {
        writer.send("never completes");
        writer.close(CloseCodes.POLICY_VIOLATION, "abuse");
        loop.run();
        assertThat(transport.closes).isEmpty();
        loop.scheduled.forEach(Runnable::run);
        assertThat(transport.closes).containsExactly(CloseCodes.POLICY_VIOLATION + " abuse");
    }

    @Test
    void afterThePeerClosedNothingIsWrittenOrClosed() {
        writer.send("r1");
        writer.discard();
        writer.send("r2");
        writer.offerSnapshot(() -> Buffer.buffer("s"));
        loop.run();
        assertThat(transport.written).isEmpty();
        assertThat(transport.closes).isEmpty();
    }

    @Test
    void aFailedWriteDoesNotStallTheNextOne() {
        writer.send("a");
        writer.send("b");
        loop.run();
        transport.inFlight.poll().fail(new IllegalStateException("closed"));
        loop.run();
        assertThat(transport.written).containsExactly("text:a", "text:b");
    }

    private void complete() {
        transport.inFlight.poll().complete(null);
        loop.run();
    }
}
