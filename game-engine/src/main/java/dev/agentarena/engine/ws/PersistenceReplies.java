package dev.agentarena.engine.ws;

import dev.agentarena.contracts.messages.PersistenceResult;

/** Turns a persistence result into the asker's error reply, the same way for every entity kind. */
final class PersistenceReplies {

    private PersistenceReplies() {
    }

    /**
     * True for a committed result; otherwise tells the asker why not and returns false.
     *
     * @param invalid the error code of an INVALID result for this entity kind (e.g. INVALID_CONFIG)
     */
    static boolean committed(ClientSession session, ClientRequest request, PersistenceResult result, ErrorCode invalid) {
        ErrorCode code = switch (result.status()) {
            case OK -> null;
            case INVALID -> invalid;
            case CONFLICT -> ErrorCode.CONFLICT;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case ERROR -> result.errors().stream().anyMatch(error -> "TIMEOUT".equals(error.code()))
                    ? ErrorCode.TIMEOUT : ErrorCode.UPSTREAM_ERROR;
        };
        if (code == null) {
            return true;
        }
        session.send(new ServerMessages.Error(request.requestId(), code, result.message(), result.errors()));
        return false;
    }
}
