package dev.agentarena.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps one child of the stack running: when it dies, says so with its exit code and starts it again after a
 * backoff (1 s, doubling to 16 s). More than {@link #MAX_RESTARTS_PER_MINUTE} restarts within a minute and it gives
 * up, saying so: a child that cannot stay up needs a person, not a loop. Closing stops supervising, then the child.
 * {@link #stopWatching()} stops supervising alone, so a test can kill the child for good.
 *
 * @param <T> the started part (a service, the broker, MongoDB)
 */
public final class Supervisor<T extends AutoCloseable> implements AutoCloseable {

    static final int MAX_RESTARTS_PER_MINUTE = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** The longest wait: the first, doubled four times. */
    private static final int MAX_DOUBLINGS = 4;

    /** Starts the part (and waits until it is ready). */
    public interface Starter<T> {
        T start() throws IOException, InterruptedException;
    }

    public enum State { RUNNING, RESTARTING, GAVE_UP, UNSUPERVISED, STOPPED }

    private final String name;
    private final Starter<T> starter;
    private final Function<T, ChildProcess> processOf;
    private final Consumer<String> report;
    private final Duration firstBackoff;
    private final Deque<Long> restartTimes = new ArrayDeque<>();
    private final Thread watcher;
    private volatile T current;
    private volatile State state = State.RUNNING;
    private volatile boolean watching = true;
    private volatile int lastExitCode;

    private Supervisor(String name, Starter<T> starter, Function<T, ChildProcess> processOf, Consumer<String> report,
                       Duration firstBackoff, T first) {
        this.name = name;
        this.firstBackoff = firstBackoff;
        this.starter = starter;
        this.processOf = processOf;
        this.report = report;
        this.current = first;
        this.watcher = new Thread(this::watch, "supervise-" + name);
        watcher.setDaemon(true);
    }

    /** Starts the part once (a failure here throws: the stack does not start) and supervises it from then on. */
    public static <T extends AutoCloseable> Supervisor<T> start(String name, Starter<T> starter, Function<T, ChildProcess> processOf,
                                                               Consumer<String> report) throws IOException, InterruptedException {
        return start(name, starter, processOf, report, FIRST_BACKOFF);
    }

    /** As {@link #start(String, Starter, Function, Consumer)} with another first backoff (tests). */
    static <T extends AutoCloseable> Supervisor<T> start(String name, Starter<T> starter, Function<T, ChildProcess> processOf,
                                                        Consumer<String> report, Duration firstBackoff)
            throws IOException, InterruptedException {
        Supervisor<T> supervisor = new Supervisor<>(name, starter, processOf, report, firstBackoff, starter.start());
        supervisor.watcher.start();
        return supervisor;
    }

    public String name() {
        return name;
    }

    /** The running part (after a restart, the new one). */
    public T current() {
        return current;
    }

    /** The running part's process (after a restart, the new one's). */
    public ChildProcess process() {
        return processOf.apply(current);
    }

    public State state() {
        return state;
    }

    /** Restarts within the last minute. */
    public synchronized int recentRestarts() {
        prune(System.nanoTime());
        return restartTimes.size();
    }

    public int lastExitCode() {
        return lastExitCode;
    }

    private void watch() {
        try {
            while (watching) {
                int exit = processOf.apply(current).awaitExit();
                if (!watching) {
                    return;
                }
                lastExitCode = exit;
                if (!restartAfterExit(exit)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Restarts the part until it runs again; false when it gave up (or the stack is closing). */
    private boolean restartAfterExit(int exit) throws InterruptedException {
        report.accept(String.format("%-44s exited with code %d", name, exit));
        int attempt = 0;
        while (watching) {
            if (!recordRestart()) {
                state = State.GAVE_UP;
                report.accept(String.format("%-44s gave up: %d restarts within a minute; see its log", name, MAX_RESTARTS_PER_MINUTE));
                return false;
            }
            state = State.RESTARTING;
            long backoff = firstBackoff.toMillis() << Math.min(attempt, MAX_DOUBLINGS);
            attempt++;
            report.accept(String.format("%-44s restarting in %.1f s (restart %d within a minute)", name, backoff / 1000.0, recentRestarts()));
            Thread.sleep(backoff);
            if (!watching) {
                return false;
            }
            long begin = System.nanoTime();
            try {
                current = starter.start();
                state = State.RUNNING;
                report.accept(String.format("%-44s restarted, ready (%.1f s)", name, (System.nanoTime() - begin) / 1e9));
                return true;
            } catch (IOException | RuntimeException e) {
                report.accept(String.format("%-44s restart failed: %s", name, e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return false;
    }

    private synchronized boolean recordRestart() {
        long now = System.nanoTime();
        prune(now);
        if (restartTimes.size() >= MAX_RESTARTS_PER_MINUTE) {
            return false;
        }
        restartTimes.addLast(now);
        return true;
    }

    private void prune(long now) {
        while (!restartTimes.isEmpty() && now - restartTimes.peekFirst() > WINDOW.toNanos()) {
            restartTimes.removeFirst();
        }
    }

    /** Stops supervising: the child runs on, is not restarted when it dies, and {@link #close()} still stops it. */
    public void stopWatching() {
        watching = false;
        state = State.UNSUPERVISED;
        watcher.interrupt();
    }

    @Override
    public void close() throws Exception {
        stopWatching();
        state = State.STOPPED;
        current.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
