package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.messages.PersistenceResult;

/** What the asker of {@link PersistenceClient#request} hears: one result, and later the real one if that was TIMEOUT. */
public interface PersistenceReply {

    /** The outcome, or a synthetic ERROR with error code TIMEOUT (outcome unknown) or UNAVAILABLE (nothing sent). */
    void onResult(PersistenceResult result);

    /**
     * The real outcome of a request this asker was told TIMEOUT about: to be delivered with the same requestId,
     * marked {@code late}.
     */
    void onLateResult(PersistenceResult result);
}
