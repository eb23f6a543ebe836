package dev.agentarena.persistence.service;

import dev.agentarena.contracts.messages.PersistenceResult;

/**
 * What handling a command produced: the answer for the asker, and the change to publish on a changelog
 * (null when the command changed nothing).
 */
public record CommandOutcome(PersistenceResult result, ChangelogChange change) {

    public static CommandOutcome unchanged(PersistenceResult result) {
        return new CommandOutcome(result, null);
    }

    /**
     * One record for a compacted changelog topic, keyed by entity id.
     *
     * @param record the entity's contract record, or null for a deletion (a tombstone)
     */
    public record ChangelogChange(String topic, String key, Object record) {

        public static ChangelogChange upsert(String topic, String key, Object record) {
            return new ChangelogChange(topic, key, record);
        }

        public static ChangelogChange tombstone(String topic, String key) {
            return new ChangelogChange(topic, key, null);
        }
    }
}
