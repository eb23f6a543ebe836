package dev.agentarena.persistence.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not ready while commands wait because MongoDB cannot be reached: the last store operation of a command failed
 * that way and none has succeeded since. (MongoDB's own health check says the same from a ping, a little later.)
 */
@Readiness
@ApplicationScoped
public class StoreReachability implements HealthCheck {

    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();

    /** Called after each store operation of a command: whether MongoDB answered (with a result or an error). */
    public void record(boolean answered) {
        if (answered) {
            unreachableSince.set(null);
        } else {
            unreachableSince.compareAndSet(null, Instant.now());
        }
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = unreachableSince.get();
        var response = HealthCheckResponse.named("command-store").status(since == null);
        if (since != null) {
            response.withData("unreachableSince", since.toString());
        }
        return response.build();
    }
}
