package dev.agentarena.persistence.service;

import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceResult;

/**
 * What handling a command produced: the answer for the asker, and the change to publish on the changelog
 * (a record, a deletion of {@code deletedId}, or nothing when the command changed nothing).
 */
public record CommandOutcome(PersistenceResult result, ConfigRecord changedConfig, String deletedConfigId) {

    public static CommandOutcome unchanged(PersistenceResult result) {
        return new CommandOutcome(result, null, null);
    }
}
