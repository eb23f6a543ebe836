package dev.agentarena.engine.ws.connection;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;

/** A connection's event loop: the Vert.x context its callbacks run on. */
public final class VertxConnectionLoop implements ConnectionLoop {

    private final Context context;

    private VertxConnectionLoop(Context context) {
        this.context = context;
    }

    /** The loop of the connection whose callback is running now (e.g. in {@code @OnOpen}). */
    public static VertxConnectionLoop current() {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            throw new IllegalStateException("not on a connection's event loop");
        }
        return new VertxConnectionLoop(context);
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        context.owner().setTimer(Math.max(1, delay.toMillis()), id -> execute(task));
    }
}
