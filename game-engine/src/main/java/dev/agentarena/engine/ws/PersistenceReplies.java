package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.PersistenceResult;

import java.util.List;
import java.util.function.Consumer;

/** Turns a persistence result into the asker's error reply, the same way for every entity kind. */
public final class PersistenceReplies {

    private PersistenceReplies() {
    }

    /**
     * True for a committed result; otherwise tells the asker why not and returns false.
     *
     * @param asker       where the asker's reply goes
     * @param invalid     the error code of an INVALID result for this entity kind (e.g. INVALID_CONFIG)
     * @param payloadPath where the command's payload sits in the client's message (e.g. {@code /config}): the
     *                    persistence service's field paths are relative to the payload, the client's to its message
     */
    static boolean committed(Consumer<Object> asker, ClientRequest request, PersistenceResult result, ErrorCode invalid,
                             String payloadPath) {
        ErrorCode code = codeOf(result, invalid);
        if (code == null) {
            return true;
        }
        List<FieldError> errors = code == invalid ? under(payloadPath, result.errors()) : result.errors();
        asker.accept(new ServerMessages.Error(request.requestId(), code, result.message(), errors));
        return false;
    }

    /**
     * {@code message} marked {@code "late": true}: the real outcome of a request its asker was told TIMEOUT about,
     * with the same requestId.
     */
    static Object late(Object message) {
        return ((ObjectNode) Json.toTree(message)).put("late", true);
    }

    /**
     * The client's error code for a result, null for OK. Persistence says "over quota" as FORBIDDEN and "not
     * answering" (the engine's fail-fast) as ERROR, each with the precise code in an error entry.
     */
    public static ErrorCode codeOf(PersistenceResult result, ErrorCode invalid) {
        return switch (result.status()) {
            case OK -> null;
            case INVALID -> invalid;
            case CONFLICT -> ErrorCode.CONFLICT;
            case FORBIDDEN -> names(result, "QUOTA_EXCEEDED") ? ErrorCode.QUOTA_EXCEEDED : ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case ERROR -> names(result, "TIMEOUT") ? ErrorCode.TIMEOUT
                    : names(result, "UNAVAILABLE") ? ErrorCode.UNAVAILABLE : ErrorCode.UPSTREAM_ERROR;
        };
    }

    private static boolean names(PersistenceResult result, String code) {
        return result.errors().stream().anyMatch(error -> code.equals(error.code()));
    }

    /** {@code errors} with {@code prefix} before each path. */
    static List<FieldError> under(String prefix, List<FieldError> errors) {
        return errors.stream().map(error -> new FieldError(prefix + error.path(), error.code(), error.message())).toList();
    }
}
