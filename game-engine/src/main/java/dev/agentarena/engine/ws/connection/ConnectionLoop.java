package dev.agentarena.engine.ws.connection;

import java.time.Duration;

/**
 * The thread a connection's writes run on: its Vert.x event loop in the engine, a hand-driven queue in tests.
 * Vert.x writes a message's fragments one after another only when called on the connection's own event loop;
 * called from any other thread, each fragment is posted on its own and another message can land between them.
 */
public interface ConnectionLoop {

    /** Runs {@code task} on the loop, after what was posted before it. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop once {@code delay} has passed. */
    void schedule(Duration delay, Runnable task);
}
