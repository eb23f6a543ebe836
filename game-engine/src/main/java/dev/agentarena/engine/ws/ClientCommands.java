package dev.agentarena.engine.ws;

import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.messaging.PersistenceReply;

import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A client's request that changes something in the persistence service, asked the one way every such request is:
 * once per user and requestId (a re-sent request gets the first outcome; its command is never applied twice), with the
 * reply on time or, after a TIMEOUT, marked {@code late}.
 */
final class ClientCommands {

    private ClientCommands() {
    }

    /**
     * Sends the request's command and replies: {@code onCommitted} for a commit, else the error. A request without
     * requestId cannot be recognised when sent again, so it is its own request.
     *
     * @param invalid     the error code of an INVALID result (see {@link PersistenceReplies#committed})
     * @param payloadPath where the command's payload sits in the client's message
     */
    static void ask(PersistenceClient persistence, ClientSession session, ClientRequest request,
                    Supplier<PersistenceCommand> command, ErrorCode invalid, String payloadPath,
                    BiConsumer<Consumer<Object>, PersistenceResult> onCommitted) {
        String key = session.user().id() + "/" + (request.requestId() != null ? request.requestId() : UUID.randomUUID());
        persistence.request(key, command, new PersistenceReply() {
            @Override
            public void onResult(PersistenceResult result) {
                reply(session::send, result);
            }

            @Override
            public void onLateResult(PersistenceResult result) {
                reply(message -> session.send(PersistenceReplies.late(message)), result);
            }

            private void reply(Consumer<Object> asker, PersistenceResult result) {
                if (PersistenceReplies.committed(asker, request, result, invalid, payloadPath)) {
                    onCommitted.accept(asker, result);
                }
            }
        });
    }
}
