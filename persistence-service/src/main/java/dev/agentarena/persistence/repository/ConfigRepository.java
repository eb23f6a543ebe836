package dev.agentarena.persistence.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.agentarena.persistence.entity.ConfigEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConfigRepository implements ReactivePanacheMongoRepositoryBase<ConfigEntity, String> {

    public Uni<Void> ensureIndexes() {
        return mongoCollection().createIndex(Indexes.ascending("ownerId"), new IndexOptions().name("by_owner"))
                .replaceWithVoid();
    }

    /** Replaces the document only if it is still at {@code expectedVersion}; true when it was replaced. */
    public Uni<Boolean> replaceIfVersion(ConfigEntity updated, long expectedVersion) {
        return mongoCollection()
                .replaceOne(Filters.and(Filters.eq("_id", updated.id), Filters.eq("version", expectedVersion)), updated)
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Deletes the document only if it is still at {@code expectedVersion}; true when it was deleted. */
    public Uni<Boolean> deleteIfVersion(String id, long expectedVersion) {
        return mongoCollection()
                .deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)))
                .map(result -> result.getDeletedCount() == 1);
    }
}
