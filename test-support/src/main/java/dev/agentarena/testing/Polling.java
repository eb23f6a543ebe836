package dev.agentarena.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something that arrives asynchronously (exported spans, meters that appear after traffic). */
public final class Polling {

    private static final long PAUSE_MILLIS = 100;

    private Polling() {
    }

    /** Reads {@code value} until {@code done} holds or {@code timeout} passes; returns the last value read. */
    public static <T> T until(Supplier<T> value, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = value.get();
        }
        return last;
    }
}
