package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/** A configuration in the {@code configs} collection; {@code settings} is the ArenaConfig as a document. */
@MongoEntity(collection = "configs")
public class ConfigEntity {

    @BsonId
    public String id;
    public String ownerId;
    public String name;
    public boolean isDefault;
    public long version;
    public Instant updatedAt;
    public Document settings;
}
