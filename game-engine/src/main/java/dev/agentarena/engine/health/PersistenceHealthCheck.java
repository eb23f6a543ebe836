package dev.agentarena.engine.health;

import dev.agentarena.engine.messaging.PersistenceClient;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the persistence service answers, as the engine's fail-fast judges it: DOWN while new commands are refused
 * with UNAVAILABLE. In its own group ({@code /q/health/group/persistence}), never in readiness or liveness: without
 * persistence the engine still serves its worlds to watchers, so it must stay in service, and no restart of the engine
 * would bring persistence back.
 */
@HealthGroup(PersistenceHealthCheck.GROUP)
@ApplicationScoped
public class PersistenceHealthCheck implements HealthCheck {

    public static final String GROUP = "persistence";

    private final PersistenceClient persistence;

    public PersistenceHealthCheck(PersistenceClient persistence) {
        this.persistence = persistence;
    }

    @Override
    public HealthCheckResponse call() {
        boolean answering = persistence.isAvailable();
        return HealthCheckResponse.named("persistence-commands").status(answering)
                .withData("commands", answering ? "sent" : "refused with UNAVAILABLE until a result arrives")
                .build();
    }
}
