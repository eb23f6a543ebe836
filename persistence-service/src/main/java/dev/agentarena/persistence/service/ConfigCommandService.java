package dev.agentarena.persistence.service;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.ConfigRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies config commands: validation (the same contract validator the engine uses, because a command may
 * come from anywhere on Kafka), ownership, and optimistic concurrency on {@code version}.
 */
@ApplicationScoped
public class ConfigCommandService {

    static final int MAX_NAME_LENGTH = 80;

    private final ConfigRepository configs;

    public ConfigCommandService(ConfigRepository configs) {
        this.configs = configs;
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
        return command.expectedVersion() == null ? create(command, payload) : update(command, payload);
    }

    public Uni<CommandOutcome> delete(PersistenceCommand command) {
        if (command.entityId() == null || command.expectedVersion() == null) {
            return invalid(command, List.of(new FieldError("/entityId", "REQUIRED", "delete needs entityId and expectedVersion")));
        }
        return configs.findById(command.entityId()).flatMap(existing -> {
            if (existing == null) {
                return failed(command, ResultStatus.NOT_FOUND, "no config " + command.entityId());
            }
            if (existing.isDefault) {
                return failed(command, ResultStatus.FORBIDDEN, "the default config cannot be deleted");
            }
            if (!existing.ownerId.equals(command.userId())) {
                return failed(command, ResultStatus.FORBIDDEN, "config " + existing.id + " belongs to another user");
            }
            return configs.deleteIfVersion(existing.id, command.expectedVersion()).map(deleted -> deleted
                    ? new CommandOutcome(PersistenceResult.ok(command, Json.toTree(EntityMapper.toRecord(existing))), null, existing.id)
                    : CommandOutcome.unchanged(conflict(command, existing)));
        });
    }

    private List<FieldError> validate(PersistenceCommand command, SaveConfigPayload payload) {
        List<FieldError> errors = new ArrayList<>();
        if (command.entityId() == null || command.entityId().isBlank()) {
            errors.add(new FieldError("/entityId", "REQUIRED", "the config id is required"));
        }
        if (command.userId() == null || command.userId().isBlank()) {
            errors.add(new FieldError("/userId", "REQUIRED", "the user id is required"));
        }
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

    private Uni<CommandOutcome> create(PersistenceCommand command, SaveConfigPayload payload) {
        ConfigEntity entity = new ConfigEntity();
        entity.id = command.entityId();
        entity.ownerId = command.userId();
        entity.name = payload.name().strip();
        entity.isDefault = false;
        entity.version = 1;
        entity.updatedAt = Instant.now();
        entity.settings = EntityMapper.toDocument(payload.settings());
        return configs.persist(entity)
                .map(saved -> committed(command, saved))
                .onFailure(ConfigCommandService::isDuplicateKey)
                .recoverWithUni(() -> failed(command, ResultStatus.CONFLICT, "config " + entity.id + " already exists"));
    }

    private Uni<CommandOutcome> update(PersistenceCommand command, SaveConfigPayload payload) {
        return configs.findById(command.entityId()).flatMap(existing -> {
            if (existing == null) {
                return failed(command, ResultStatus.NOT_FOUND, "no config " + command.entityId());
            }
            if (existing.isDefault) {
                return failed(command, ResultStatus.FORBIDDEN, "the default config cannot be changed; save a copy");
            }
            if (!existing.ownerId.equals(command.userId())) {
                return failed(command, ResultStatus.FORBIDDEN, "config " + existing.id + " belongs to another user");
            }
            long expected = command.expectedVersion();
            existing.name = payload.name().strip();
            existing.settings = EntityMapper.toDocument(payload.settings());
            existing.updatedAt = Instant.now();
            existing.version = expected + 1;
            return configs.replaceIfVersion(existing, expected).flatMap(replaced -> replaced
                    ? Uni.createFrom().item(committed(command, existing))
                    : configs.findById(command.entityId()).map(current -> CommandOutcome.unchanged(conflict(command, current))));
        });
    }

    private static CommandOutcome committed(PersistenceCommand command, ConfigEntity entity) {
        ConfigRecord record = EntityMapper.toRecord(entity);
        return new CommandOutcome(PersistenceResult.ok(command, Json.toTree(record)), record, null);
    }

    private static PersistenceResult conflict(PersistenceCommand command, ConfigEntity current) {
        String message = current == null
                ? "config " + command.entityId() + " no longer exists"
                : "config " + current.id + " is at version " + current.version + ", not " + command.expectedVersion();
        return PersistenceResult.failed(command, ResultStatus.CONFLICT, message, List.of());
    }

    private static Uni<CommandOutcome> invalid(PersistenceCommand command, List<FieldError> errors) {
        return Uni.createFrom().item(CommandOutcome.unchanged(
                PersistenceResult.failed(command, ResultStatus.INVALID, "the config is not valid", errors)));
    }

    private static Uni<CommandOutcome> failed(PersistenceCommand command, ResultStatus status, String message) {
        return Uni.createFrom().item(CommandOutcome.unchanged(PersistenceResult.failed(command, status, message, List.of())));
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
