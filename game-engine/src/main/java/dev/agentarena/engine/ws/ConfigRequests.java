package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.view.ConfigView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * save_config, delete_config and list_configs. Writes are validated here first (a client gets its field
 * errors without a trip over Kafka), then sent to the persistence service; reads come from the local view.
 */
@ApplicationScoped
public class ConfigRequests {

    /** The config part of save_config: no id to create, id and version to update. */
    record ConfigDraft(String id, String name, Long version, JsonNode settings) {
    }

    private final PersistenceClient persistence;
    private final ConfigView configs;
    private final SessionRegistry sessions;

    public ConfigRequests(PersistenceClient persistence, ConfigView configs, SessionRegistry sessions) {
        this.persistence = persistence;
        this.configs = configs;
        this.sessions = sessions;
    }

    void list(ClientSession session, ClientRequest request) {
        session.send(new ServerMessages.ConfigList(request.requestId(), configs.visibleTo(session.user().id())));
    }

    void save(ClientSession session, ClientRequest request) {
        ConfigDraft draft = request.field("config", ConfigDraft.class, true);
        ArenaConfig settings = validSettings(request.requestId(), draft);
        String userId = session.user().id();
        if (draft.id() != null) {
            ConfigRecord existing = configs.find(draft.id()).orElseThrow(() -> new ProtocolException(request.requestId(),
                    ErrorCode.NOT_FOUND, "no config " + draft.id(), List.of()));
            checkWritable(request.requestId(), existing, userId);
        }
        String id = draft.id() != null ? draft.id() : UUID.randomUUID().toString();
        PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.SAVE_CONFIG, userId, id,
                draft.version(), Json.toTree(new SaveConfigPayload(draft.name().strip(), settings)));
        persistence.send(command, result -> {
            if (PersistenceReplies.committed(session, request, result, ErrorCode.INVALID_CONFIG)) {
                ConfigRecord saved = Json.convert(result.entity(), ConfigRecord.class);
                session.send(new ServerMessages.ConfigSaved(request.requestId(), saved));
                notifyOthers(session, saved.id(), "saved");
            }
        });
    }

    void delete(ClientSession session, ClientRequest request) {
        String id = request.field("configId", String.class, true);
        Long version = request.field("version", Long.class, true);
        ConfigRecord existing = configs.find(id).orElseThrow(() -> new ProtocolException(request.requestId(),
                ErrorCode.NOT_FOUND, "no config " + id, List.of()));
        checkWritable(request.requestId(), existing, session.user().id());
        PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.DELETE_CONFIG,
                session.user().id(), id, version, null);
        persistence.send(command, result -> {
            if (PersistenceReplies.committed(session, request, result, ErrorCode.INVALID_CONFIG)) {
                session.send(new ServerMessages.ConfigDeleted(request.requestId(), id));
                notifyOthers(session, id, "deleted");
            }
        });
    }

    private static ArenaConfig validSettings(String requestId, ConfigDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            errors.add(new FieldError("/config/name", "REQUIRED", "a config needs a name"));
        }
        if (draft.id() != null && draft.version() == null) {
            errors.add(new FieldError("/config/version", "REQUIRED", "updating a config needs the version you read"));
        }
        ArenaConfig settings = null;
        if (draft.settings() == null || !draft.settings().isObject()) {
            errors.add(new FieldError("/config/settings", "REQUIRED", "settings must be an object"));
        } else {
            try {
                settings = Json.convert(draft.settings(), ArenaConfig.class);
                settings.validate().forEach(error ->
                        errors.add(new FieldError("/config/settings" + error.path(), error.code(), error.message())));
            } catch (JsonReadException e) {
                errors.add(new FieldError("/config/settings" + e.path(), "BAD_VALUE", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProtocolException(requestId, ErrorCode.INVALID_CONFIG, "the config is not valid", errors);
        }
        return settings;
    }

    private static void checkWritable(String requestId, ConfigRecord existing, String userId) {
        if (existing.isDefault()) {
            throw new ProtocolException(requestId, ErrorCode.FORBIDDEN,
                    "the default config cannot be changed or deleted; save a copy without an id", List.of());
        }
        if (!existing.ownerId().equals(userId)) {
            throw new ProtocolException(requestId, ErrorCode.FORBIDDEN, "config " + existing.id() + " belongs to another user",
                    List.of());
        }
    }

    private void notifyOthers(ClientSession asker, String configId, String change) {
        var event = new ServerMessages.ConfigListChanged(configId, change);
        sessions.othersInWorld(asker.worldId(), asker).forEach(other -> other.send(event));
    }
}
