package dev.agentarena.persistence.service;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BehaviorValidator;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.persistence.config.PersistenceConfig;
import dev.agentarena.persistence.entity.BehaviorEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.BehaviorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Behavior commands: the document is validated with the same {@link BehaviorValidator} the engine runs (a
 * command may come from anywhere on Kafka), and the built-ins' ids are reserved. Ownership and versioning:
 * {@link OwnedEntityCommands}.
 */
@Singleton
public class BehaviorCommandService extends OwnedEntityCommands<BehaviorEntity> {

    public BehaviorCommandService(BehaviorRepository behaviors, PersistenceConfig config) {
        super(behaviors, "behavior", Topics.BEHAVIORS, config.maxBehaviorsPerUser());
    }

    public Uni<CommandOutcome> save(PersistenceCommand command) {
        SaveBehaviorPayload payload;
        try {
            payload = Json.convert(command.payload(), SaveBehaviorPayload.class);
        } catch (JsonReadException e) {
            return invalid(command, List.of(new FieldError("/payload" + e.path(), "BAD_PAYLOAD", e.getMessage())));
        }
        if (BuiltInBehaviors.isReserved(command.entityId())) {
            return failed(command, ResultStatus.FORBIDDEN, "behavior " + command.entityId()
                    + " is a built-in and cannot be changed; save a copy under a new id");
        }
        List<FieldError> errors = new ArrayList<>();
        requireIdentity(command, errors);
        if (payload == null || payload.document() == null || payload.document().isNull()) {
            errors.add(SaveBehaviorPayload.MISSING_DOCUMENT);
        } else {
            errors.addAll(SaveBehaviorPayload.errorsOf(BehaviorValidator.validate(Json.write(payload.document())).diagnostics()));
        }
        if (!errors.isEmpty()) {
            return invalid(command, errors);
        }
        return save(command, BehaviorEntity::new, behavior -> {
            behavior.name = payload.document().path("name").asText();
            behavior.document = EntityMapper.toDocument(payload.document());
        });
    }

    @Override
    public BehaviorRecord toRecord(BehaviorEntity entity) {
        return EntityMapper.toRecord(entity);
    }
}
