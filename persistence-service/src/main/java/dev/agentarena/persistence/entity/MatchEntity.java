package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/** A finished round in the {@code matches} collection, keyed by the event's id so a redelivery is no second match. */
@MongoEntity(collection = "matches")
public class MatchEntity {

    @BsonId
    public String eventId;
    public String worldId;
    public Instant endedAt;
    /** The MatchResult as published. */
    public Document result;
}
