package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * The answer already given to a command, so a redelivered command (Kafka is at-least-once) gets the same
 * answer instead of being applied twice.
 */
@MongoEntity(collection = "processed_commands")
public class ProcessedCommand {

    @BsonId
    public String commandId;
    /** The PersistenceResult as JSON. */
    public String result;
    public Instant processedAt;
}
