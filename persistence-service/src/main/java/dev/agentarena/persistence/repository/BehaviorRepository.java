package dev.agentarena.persistence.repository;

import dev.agentarena.persistence.entity.BehaviorEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BehaviorRepository implements ReactivePanacheMongoRepositoryBase<BehaviorEntity, String> {
}
