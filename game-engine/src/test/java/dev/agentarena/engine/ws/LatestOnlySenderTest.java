package dev.agentarena.engine.ws;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LatestOnlySenderTest {

    private final List<String> sent = new ArrayList<>();
    private final List<UniEmitter<? super Void>> inFlight = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final LatestOnlySender<String> sender = new LatestOnlySender<>(frame -> Uni.createFrom().emitter(emitter -> {
        sent.add(frame);
        inFlight.add(emitter);
    }), dropped::incrementAndGet);

    @Test
    void aFastClientGetsEveryFrame() {
        for (int i = 0; i < 5; i++) {
            sender.offer("f" + i);
            complete();
        }
        assertThat(sent).containsExactly("f0", "f1", "f2", "f3", "f4");
        assertThat(dropped).hasValue(0);
    }

    @Test
    void aSlowClientSkipsToTheNewestFrameAndNothingQueuesUp() {
        sender.offer("f0");
        sender.offer("f1");
        sender.offer("f2");
        sender.offer("f3");
        assertThat(sent).containsExactly("f0");
        complete();
        assertThat(sent).containsExactly("f0", "f3");
        complete();
        assertThat(sent).containsExactly("f0", "f3");
        assertThat(dropped).hasValue(2);
    }

    @Test
    void aFailedSendDoesNotStallLaterFrames() {
        sender.offer("f0");
        inFlight.remove(0).fail(new IllegalStateException("closed"));
        sender.offer("f1");
        assertThat(sent).containsExactly("f0", "f1");
    }

    private void complete() {
        inFlight.remove(0).complete(null);
    }
}
