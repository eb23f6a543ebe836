package dev.agentarena.engine.ws;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends snapshot frames to one client so that a slow client gets the latest frame, never a growing queue:
 * while a send is in flight, a newer frame replaces any frame still waiting. websockets-next exposes no
 * write-queue-full signal, so "in flight" is tracked from the send's completion.
 *
 * @param <F> frame type
 */
final class LatestOnlySender<F> {

    private final Function<F, Uni<Void>> send;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicReference<F> waiting = new AtomicReference<>();
    private final Runnable onDropped;

    LatestOnlySender(Function<F, Uni<Void>> send, Runnable onDropped) {
        this.send = send;
        this.onDropped = onDropped;
    }

    void offer(F frame) {
        if (waiting.getAndSet(frame) != null) {
            onDropped.run();
        }
        drain();
    }

    private void drain() {
        while (inFlight.compareAndSet(false, true)) {
            F next = waiting.getAndSet(null);
            if (next == null) {
                inFlight.set(false);
                // A frame offered between the read and the reset would be stranded: look once more.
                if (waiting.get() == null) {
                    return;
                }
                continue;
            }
            send.apply(next).subscribe().with(done -> finished(), failure -> finished());
            return;
        }
    }

    private void finished() {
        inFlight.set(false);
        drain();
    }
}
