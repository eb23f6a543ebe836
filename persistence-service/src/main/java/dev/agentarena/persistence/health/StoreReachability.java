package dev.agentarena.persistence.health;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Whether commands wait because MongoDB cannot be reached: the last store operation failed so, none succeeded since. */
@ApplicationScoped
public class StoreReachability {

    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();

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
