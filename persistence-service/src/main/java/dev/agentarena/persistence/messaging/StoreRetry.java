package dev.agentarena.persistence.messaging;

import dev.agentarena.persistence.config.PersistenceConfig;
import dev.agentarena.persistence.health.StoreReachability;
import dev.agentarena.persistence.repository.StoreErrors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Store operations of a message being handled wait out a MongoDB outage: retried with backoff for as long as MongoDB
 * cannot be reached (the message stays unacknowledged meanwhile), and reported to {@link StoreReachability}.
 */
@ApplicationScoped
public class StoreRetry {

    private final StoreReachability store;
    private final PersistenceConfig config;

    public StoreRetry(StoreReachability store, PersistenceConfig config) {
        this.store = store;
        this.config = config;
    }

    /** {@code operation} (run anew on every attempt), retried while MongoDB cannot be reached; other failures pass. */
    public <T> Uni<T> untilStoreAnswers(Supplier<Uni<? extends T>> operation) {
        return Uni.createFrom().<T>deferred(operation)
                .onItemOrFailure().invoke((item, failure) -> store.record(failure == null || !StoreErrors.isUnreachable(failure)))
                .onFailure(StoreErrors::isUnreachable)
                .retry().withBackOff(config.storeRetryInitial(), config.storeRetryMax()).indefinitely();
    }
}
