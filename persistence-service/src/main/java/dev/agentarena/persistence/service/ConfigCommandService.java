package dev.agentarena.persistence.service;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.persistence.config.PersistenceConfig;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.ConfigRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Config commands: validation (the same contract validator the engine uses, because a command may come from
 * anywhere on Kafka); the default config is read-only. Ownership and versioning: {@link OwnedEntityCommands}.
 */
@Singleton
public class ConfigCommandService extends OwnedEntityCommands<ConfigEntity> {

    static final int MAX_NAME_LENGTH = 80;

    public ConfigCommandService(ConfigRepository configs, PersistenceConfig config) {
        super(configs, "config", Topics.CONFIGS, config.maxConfigsPerUser());
    }

    public Uni<CommandOutcome> save(PersistenceCommand command) {
        SaveConfigPayload payload;
        try {
            payload = Json.convert(command.payload(), SaveConfigPayload.class);
        } catch (JsonReadException e) {
            return invalid(command, List.of(new FieldError("/payload" + e.path(), "BAD_PAYLOAD", e.getMessage())));
        }
        List<FieldError> errors = validate(command, payload);
        if (!errors.isEmpty()) {
            return invalid(command, errors);
        }
        return save(command, ConfigEntity::new, config -> {
            config.name = payload.name().strip();
            config.settings = EntityMapper.toDocument(payload.settings());
        });
    }

    @Override
    public ConfigRecord toRecord(ConfigEntity entity) {
        return EntityMapper.toRecord(entity);
    }

    @Override
    protected String readOnlyReason(ConfigEntity existing) {
        return existing.isDefault ? "the default config (save a copy instead)" : null;
    }

    private List<FieldError> validate(PersistenceCommand command, SaveConfigPayload payload) {
        List<FieldError> errors = new ArrayList<>();
        requireIdentity(command, errors);
        if (payload.name() == null || payload.name().isBlank()) {
            errors.add(new FieldError("/name", "REQUIRED", "a config needs a name"));
        } else if (payload.name().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("/name", "TOO_LONG", "name is longer than " + MAX_NAME_LENGTH + " characters"));
        }
        if (payload.settings() == null) {
            errors.add(new FieldError("/settings", "REQUIRED", "settings are required"));
        } else {
            payload.settings().validate().forEach(error ->
                    errors.add(new FieldError("/settings" + error.path(), error.code(), error.message())));
        }
        return errors;
    }
}
