package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;

/** A configuration in the {@code configs} collection; {@code settings} is the ArenaConfig as a document. */
@MongoEntity(collection = "configs")
public class ConfigEntity extends OwnedEntity {

    public String name;
    public boolean isDefault;
    public Document settings;
}
