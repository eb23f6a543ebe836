package dev.agentarena.persistence.mapping;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.persistence.entity.BehaviorEntity;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.entity.UserEntity;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.LinkedHashMap;

/**
 * Converts between MongoDB entities and the contract records. Nested settings are stored as documents built
 * from the contract's own JSON, so the database never needs a codec for contract types.
 */
public final class EntityMapper {

    public static final JsonWriterSettings PLAIN_JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private EntityMapper() {
    }

    public static ConfigRecord toRecord(ConfigEntity entity) {
        return new ConfigRecord(MessageSchema.CURRENT, entity.id, entity.ownerId, entity.name, entity.isDefault,
                entity.version, entity.updatedAt, Json.read(entity.settings.toJson(PLAIN_JSON), ArenaConfig.class));
    }

    public static BehaviorRecord toRecord(BehaviorEntity entity) {
        return new BehaviorRecord(MessageSchema.CURRENT, entity.id, entity.ownerId, entity.name, entity.version,
                entity.updatedAt, Json.tree(entity.document.toJson(PLAIN_JSON)));
    }

    /** A contract value (settings, a behavior document...) as a MongoDB document, through its JSON. */
    public static Document toDocument(Object value) {
        return Document.parse(Json.write(value));
    }

    public static UserRecord toRecord(UserEntity entity) {
        var settings = new LinkedHashMap<String, Object>(entity.settings == null ? new Document() : entity.settings);
        return new UserRecord(MessageSchema.CURRENT, entity.id, entity.username, entity.isDefault, settings,
                entity.createdAt, entity.version);
    }
}
