package dev.agentarena.persistence.repository;

import dev.agentarena.persistence.entity.ProcessedCommand;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProcessedCommandRepository implements ReactivePanacheMongoRepositoryBase<ProcessedCommand, String> {
}
