package dev.agentarena.engine.messaging;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who is waiting for an answer from another service, by correlation id, with a deadline. Answers for ids
 * this engine did not ask (another replica's) are simply not found. Expired waits are told so once.
 *
 * @param <T> the answer type
 */
public final class PendingReplies<T> {

    /** A waiting asker: {@code onAnswer} gets answers until {@code isFinal} says one was the last. */
    public record Waiter<T>(Consumer<T> onAnswer, Runnable onTimeout, long deadlineNanos) {
    }

    private final Map<String, Waiter<T>> waiting = new ConcurrentHashMap<>();

    public void await(String id, Duration timeout, Consumer<T> onAnswer, Runnable onTimeout) {
        waiting.put(id, new Waiter<>(onAnswer, onTimeout, System.nanoTime() + timeout.toNanos()));
    }

    /** Delivers an answer; {@code last} ends the wait. Returns false when nobody here waits for {@code id}. */
    public boolean deliver(String id, T answer, boolean last) {
        Waiter<T> waiter = last ? waiting.remove(id) : waiting.get(id);
        if (waiter == null) {
            return false;
        }
        waiter.onAnswer().accept(answer);
        return true;
    }

    /** Ends the wait for {@code id} without an answer; false when nobody waited (any more). */
    public boolean cancel(String id) {
        return waiting.remove(id) != null;
    }

    /** Ends every wait whose deadline has passed, telling its asker. */
    public void expire(long nowNanos) {
        for (Iterator<Map.Entry<String, Waiter<T>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Waiter<T>> entry = it.next();
            if (nowNanos - entry.getValue().deadlineNanos() > 0 && waiting.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().onTimeout().run();
            }
        }
    }

    /** The earliest deadline of a wait, or Long.MAX_VALUE when nobody waits. */
    public long earliestDeadlineNanos() {
        long earliest = Long.MAX_VALUE;
        for (Waiter<T> waiter : waiting.values()) {
            earliest = Math.min(earliest, waiter.deadlineNanos());
        }
        return earliest;
    }

    public int size() {
        return waiting.size();
    }
}
