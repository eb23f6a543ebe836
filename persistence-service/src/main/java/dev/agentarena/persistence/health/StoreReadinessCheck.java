package dev.agentarena.persistence.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while commands wait for an unreachable MongoDB (MongoDB's own health check says the same from a ping;
 * this one is set by the commands themselves, at once).
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    private final StoreReachability store;

    public StoreReadinessCheck(StoreReachability store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("command-store").up();
        store.unreachableSince().ifPresent(since -> response.down().withData("unreachableSince", since.toString()));
        return response.build();
    }
}
