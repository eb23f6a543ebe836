package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;

import java.util.List;

/**
 * The answer to a {@link PersistenceCommand}, keyed on Kafka by {@code commandId}.
 *
 * @param entity the entity as committed (for OK), e.g. a {@link ConfigRecord} or {@link BehaviorRecord} as JSON
 * @param errors field-level errors (for INVALID)
 */
public record PersistenceResult(
        int schema,
        String commandId,
        CommandType type,
        ResultStatus status,
        JsonNode entity,
        List<FieldError> errors,
        String message) implements VersionedMessage {

    public static PersistenceResult ok(PersistenceCommand command, JsonNode entity) {
        return new PersistenceResult(MessageSchema.CURRENT, command.commandId(), command.type(), ResultStatus.OK,
                entity, List.of(), null);
    }

    public static PersistenceResult failed(PersistenceCommand command, ResultStatus status, String message,
                                           List<FieldError> errors) {
        return new PersistenceResult(MessageSchema.CURRENT, command.commandId(), command.type(), status, null,
                List.copyOf(errors), message);
    }
}
