package dev.agentarena.engine.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Periodically ends the waits for answers that never came, so every asker hears back. */
@ApplicationScoped
public class ReplyDeadlines {

    private static final long PERIOD_MS = 250;

    private final Vertx vertx;
    private final PersistenceClient persistence;
    private final CopilotClient copilot;
    private long timerId = -1;

    public ReplyDeadlines(Vertx vertx, PersistenceClient persistence, CopilotClient copilot) {
        this.vertx = vertx;
        this.persistence = persistence;
        this.copilot = copilot;
    }

    void onStart(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(PERIOD_MS, id -> {
            long now = System.nanoTime();
            persistence.expireWaits(now);
            copilot.expireWaits(now);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timerId);
    }
}
