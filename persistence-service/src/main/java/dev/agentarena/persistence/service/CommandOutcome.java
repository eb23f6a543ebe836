package dev.agentarena.persistence.service;

import dev.agentarena.contracts.messages.PersistenceResult;

import java.util.List;

/**
 * What handling a command produced: the answer for the asker, and the changes to publish on changelogs
 * (none when the command changed nothing).
 *
 * @param remembered the answer as kept for a redelivery, when it must differ from {@code result} (a result carrying a
 *                   secret is kept without it); null to keep {@code result}
 */
public record CommandOutcome(PersistenceResult result, List<ChangelogChange> changes, PersistenceResult remembered) {

    public CommandOutcome(PersistenceResult result, ChangelogChange change) {
        this(result, List.of(change), null);
    }

    public static CommandOutcome unchanged(PersistenceResult result) {
        return new CommandOutcome(result, List.of(), null);
    }

    /** The answer a redelivery of the command gets. */
    public PersistenceResult toRemember() {
        return remembered != null ? remembered : result;
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
