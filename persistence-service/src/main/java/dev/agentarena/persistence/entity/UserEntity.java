package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/** A user in the {@code users} collection; {@code username} is unique (index created at start). */
@MongoEntity(collection = "users")
public class UserEntity {

    @BsonId
    public String id;
    public String username;
    public boolean isDefault;
    public Document settings;
    public Instant createdAt;
    public long version;
}
