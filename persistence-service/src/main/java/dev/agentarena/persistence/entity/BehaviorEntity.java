package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;

/** A user's behavior in the {@code behaviors} collection; {@code document} is the behavior-language JSON. */
@MongoEntity(collection = "behaviors")
public class BehaviorEntity extends OwnedEntity {

    public String name;
    public Document document;
}
