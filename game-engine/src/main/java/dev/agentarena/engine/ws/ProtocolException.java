package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;

import java.util.List;

/** A client message that cannot be acted on; becomes an {@code error} reply to that client only. */
public class ProtocolException extends RuntimeException {

    private final String requestId;
    private final ErrorCode code;
    private final List<FieldError> errors;

    ProtocolException(ErrorCode code, String message) {
        this(null, code, message, List.of());
    }

    public ProtocolException(String requestId, ErrorCode code, String message, List<FieldError> errors) {
        super(message);
        this.requestId = requestId;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** The requestId of the refused message, when it could be read. */
    String requestId() {
        return requestId;
    }

    ErrorCode code() {
        return code;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The error message sent to the client; {@code requestId} is this exception's or the message's. */
    Object reply(String requestId) {
        return new ServerMessages.Error(requestId, code, getMessage(), errors);
    }
}
