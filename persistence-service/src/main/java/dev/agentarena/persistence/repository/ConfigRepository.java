package dev.agentarena.persistence.repository;

import dev.agentarena.persistence.entity.ConfigEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConfigRepository implements ReactivePanacheMongoRepositoryBase<ConfigEntity, String> {
}
