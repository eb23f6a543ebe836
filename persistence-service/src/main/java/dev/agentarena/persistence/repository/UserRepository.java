package dev.agentarena.persistence.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.agentarena.persistence.entity.UserEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UserRepository implements ReactivePanacheMongoRepositoryBase<UserEntity, String> {

    public Uni<Void> ensureIndexes() {
        return mongoCollection()
                .createIndex(Indexes.ascending("username"), new IndexOptions().name("unique_username").unique(true))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("nameKey"),
                        new IndexOptions().name("unique_name_ignoring_case").unique(true)))
                .replaceWithVoid();
    }
}
