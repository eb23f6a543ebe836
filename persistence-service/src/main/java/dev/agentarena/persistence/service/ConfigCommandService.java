package dev.agentarena.persistence.service;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.persistence.config.PersistenceConfig;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.ConfigRepository;
import com.mongodb.client.model.Filters;
import io.smallrye.mutiny.Uni;
import org.bson.conversions.Bson;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Config commands: validation (the contract's {@link SaveConfigPayload#errorsIn}, which the engine runs too, because
 * a command may come from anywhere on Kafka); the default config is read-only. Ownership and versioning:
 * {@link OwnedEntityCommands}.
 */
@Singleton
public class ConfigCommandService extends OwnedEntityCommands<ConfigEntity> {

    public ConfigCommandService(ConfigRepository configs, PersistenceConfig config) {
        super(configs, "config", Topics.CONFIGS, config.maxConfigsPerUser());
    }

    public Uni<CommandOutcome> save(PersistenceCommand command) {
        List<FieldError> errors = new ArrayList<>();
        requireIdentity(command, errors);
        errors.addAll(SaveConfigPayload.errorsIn(command.payload()));
        if (!errors.isEmpty()) {
            return invalid(command, errors);
        }
        SaveConfigPayload payload = Json.convert(command.payload(), SaveConfigPayload.class);
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

    @Override
    protected Bson readOnly() {
        return Filters.eq("isDefault", true);
    }
}
