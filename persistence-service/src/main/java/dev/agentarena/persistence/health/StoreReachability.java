package dev.agentarena.persistence.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Whether commands wait because MongoDB cannot be reached: the last store operation failed so, none succeeded since. */
@ApplicationScoped
public class StoreReachability {

    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();

    public StoreReachability(MeterRegistry registry) {
        Gauge.builder("arena.persistence.store.reachable", unreachableSince, since -> since.get() == null ? 1 : 0)
                .description("0 while commands wait because MongoDB cannot be reached (they are retried, not failed), else 1")
                .register(registry);
    }

    /** Called after each store operation of a command: whether MongoDB answered (with a result or an error). */
    public void record(boolean answered) {
        if (answered) {
            unreachableSince.set(null);
        } else {
            unreachableSince.compareAndSet(null, Instant.now());
        }
    }

    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince.get());
    }
}
