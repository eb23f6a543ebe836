package dev.agentarena.persistence.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.agentarena.persistence.entity.MatchEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MatchRepository implements ReactivePanacheMongoRepositoryBase<MatchEntity, String> {

    public Uni<Void> ensureIndexes() {
        return mongoCollection()
                .createIndex(Indexes.descending("endedAt", "_id"), new IndexOptions().name("newest_first"))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("worldId"),
                        Indexes.descending("endedAt", "_id")), new IndexOptions().name("by_world_newest_first")))
                .replaceWithVoid();
    }
}
