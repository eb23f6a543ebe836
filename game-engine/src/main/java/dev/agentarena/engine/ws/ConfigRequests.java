package dev.agentarena.engine.ws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.view.ConfigView;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * save_config, delete_config and list_configs. Writes are validated here first with the contract's
 * {@link SaveConfigPayload#errorsIn} (a client gets its field errors without a trip over Kafka), then sent to the
 * persistence service; reads come from the local view.
 */
@Singleton
public class ConfigRequests extends OwnedEntityRequests<ConfigRecord> {

    /**
     * The config part of save_config: no id to create, id and version to update. The read-only fields of a
     * listed config are ignored, so that a client can send back what {@code config_list} gave it.
     */
    @JsonIgnoreProperties({"schema", "ownerId", "isDefault", "updatedAt"})
    record ConfigDraft(String id, Long version, JsonNode name, JsonNode settings) {
    }

    private final ConfigView configs;

    public ConfigRequests(PersistenceClient persistence, ConfigView configs, SessionRegistry sessions) {
        super(persistence, sessions, "config", CommandType.SAVE_CONFIG, CommandType.DELETE_CONFIG, ErrorCode.INVALID_CONFIG,
                ConfigRecord.class, configs::find, new Messages<>(ServerMessages.ConfigSaved::new,
                        ServerMessages.ConfigDeleted::new, ServerMessages.ConfigListChanged::new));
        this.configs = configs;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("save_config", this::save, "delete_config", this::delete, "list_configs", this::list);
    }

    void list(ClientSession session, ClientRequest request) {
        ListPaging.Page<ConfigRecord> page = ListPaging.page(request, configs.visibleTo(session.user().id()),
                config -> new ListPaging.SortKey(config.isDefault() ? 0 : 1, config.name(), config.id()));
        session.send(new ServerMessages.ConfigList(request.requestId(), page.entries(), page.nextCursor()));
    }

    void save(ClientSession session, ClientRequest request) {
        ConfigDraft draft = request.field("config", ConfigDraft.class, true);
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.set("name", draft.name());
        payload.set("settings", draft.settings());
        List<FieldError> errors = new ArrayList<>();
        missingVersion(draft.id(), draft.version()).ifPresent(errors::add);
        errors.addAll(inMessage(SaveConfigPayload.errorsIn(payload)));
        if (!errors.isEmpty()) {
            throw new ProtocolException(request.requestId(), ErrorCode.INVALID_CONFIG, "the config is not valid", errors);
        }
        SaveConfigPayload valid = Json.convert(payload, SaveConfigPayload.class);
        save(session, request, draft.id(), draft.version(), new SaveConfigPayload(valid.name().strip(), valid.settings()));
    }

    @Override
    protected String readOnlyReason(String id, ConfigRecord existing) {
        return existing != null && existing.isDefault() ? "the default config" : null;
    }
}
