package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.LocatedDiagnostic;

import java.util.List;

/** A behavior document that failed validation: replied as {@code error INVALID_BEHAVIOR} with the full diagnostics. */
final class InvalidBehaviorException extends ProtocolException {

    private final List<LocatedDiagnostic> diagnostics;

    InvalidBehaviorException(String requestId, List<FieldError> errors, List<LocatedDiagnostic> diagnostics) {
        super(requestId, ErrorCode.INVALID_BEHAVIOR, "the behavior is not valid", errors);
        this.diagnostics = List.copyOf(diagnostics);
    }

    @Override
    Object reply(String requestId) {
        return new ServerMessages.InvalidBehavior(requestId, errors(), diagnostics);
    }
}
