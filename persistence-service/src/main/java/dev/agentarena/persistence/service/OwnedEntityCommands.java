package dev.agentarena.persistence.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.persistence.entity.OwnedEntity;
import dev.agentarena.persistence.repository.StoreErrors;
import dev.agentarena.persistence.service.CommandOutcome.ChangelogChange;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Save and delete for one kind of user-owned, versioned entity: lookup, ownership, optimistic concurrency on
 * {@code version}, and the committed outcome with its changelog record. A subclass adds only what is specific
 * to its kind: how a payload is validated and copied into the entity, its contract record, and which
 * existing entities are read-only.
 *
 * Subclasses are {@code @Singleton} beans: a normal-scoped bean needs a proxy, which needs a no-args
 * constructor up the whole hierarchy.
 *
 * @param <E> the MongoDB entity
 */
public abstract class OwnedEntityCommands<E extends OwnedEntity> {

    private final ReactivePanacheMongoRepositoryBase<E, String> repository;
    private final String kind;
    private final String changelogTopic;
    private final int quota;

    /** @param quota how many entities of this kind one user may own */
    protected OwnedEntityCommands(ReactivePanacheMongoRepositoryBase<E, String> repository, String kind,
                                  String changelogTopic, int quota) {
        this.repository = repository;
        this.kind = kind;
        this.changelogTopic = changelogTopic;
        this.quota = quota;
    }

    /** The contract record published on the changelog and returned to the asker. */
    public abstract Object toRecord(E entity);

    /** Why {@code existing} may not be changed or deleted by anyone, or null when its owner may. */
    protected String readOnlyReason(E existing) {
        return null;
    }

    /** Matches the entities {@link #readOnlyReason} refuses, so that a write can exclude them; null: none. */
    protected Bson readOnly() {
        return null;
    }

    public Uni<Void> ensureIndexes() {
        return repository.mongoCollection()
                .createIndex(Indexes.ascending("ownerId"), new IndexOptions().name("by_owner"))
                .replaceWithVoid();
    }

    /** The changelog record of an entity as stored, for republishing at start. */
    public ChangelogChange changeOf(E entity) {
        return ChangelogChange.upsert(changelogTopic, entity.id, toRecord(entity));
    }

    /** The command's entityId is present; errors are added to {@code errors}. (A missing userId is a guest's.) */
    protected void requireIdentity(PersistenceCommand command, List<FieldError> errors) {
        if (command.entityId() == null || command.entityId().isBlank()) {
            errors.add(new FieldError("/entityId", "REQUIRED", "the " + kind + " id is required"));
        }
    }

    /**
     * Creates the entity (no expected version) or replaces it if still at the expected version; {@code fill}
     * copies the validated payload into it.
     */
    protected Uni<CommandOutcome> save(PersistenceCommand command, Supplier<E> blank, Consumer<E> fill) {
        if (Guests.isGuest(command)) {
            return Uni.createFrom().item(Guests.refusal(command, kind));
        }
        return command.expectedVersion() == null ? create(command, blank, fill) : update(command, blank, fill);
    }

    public Uni<CommandOutcome> delete(PersistenceCommand command) {
        if (Guests.isGuest(command)) {
            return Uni.createFrom().item(Guests.refusal(command, kind));
        }
        if (command.entityId() == null || command.expectedVersion() == null) {
            return invalid(command, List.of(new FieldError("/entityId", "REQUIRED", "delete needs entityId and expectedVersion")));
        }
        return writable(command, "deleted").flatMap(check -> {
            if (check.refusal() != null) {
                return Uni.createFrom().item(check.refusal());
            }
            E existing = check.entity();
            return repository.mongoCollection()
                    .deleteOne(Filters.and(Filters.eq("_id", existing.id), Filters.eq("version", command.expectedVersion())))
                    .map(result -> result.getDeletedCount() == 1
                            ? new CommandOutcome(PersistenceResult.ok(command, Json.toTree(toRecord(existing))),
                                    ChangelogChange.tombstone(changelogTopic, existing.id))
                            : CommandOutcome.unchanged(conflict(command, existing)));
        });
    }

    /**
     * Inserts the entity unless its owner is at the quota. A duplicate id is a conflict, unless this very command
     * wrote it (a redelivery after a crash), which is answered as the success it was.
     */
    private Uni<CommandOutcome> create(PersistenceCommand command, Supplier<E> blank, Consumer<E> fill) {
        E entity = blank.get();
        entity.id = command.entityId();
        entity.ownerId = command.userId();
        entity.version = 1;
        entity.updatedAt = now();
        entity.lastCommandId = command.commandId();
        fill.accept(entity);
        Uni<CommandOutcome> insert = repository.persist(entity)
                .map(saved -> committed(command, saved))
                .onFailure(StoreErrors::isDuplicateKey)
                .recoverWithUni(() -> repository.findById(entity.id).map(current -> alreadyApplied(command, current)
                        ? committed(command, current)
                        : CommandOutcome.unchanged(PersistenceResult.failed(command, ResultStatus.CONFLICT,
                                kind + " " + entity.id + " already exists", List.of()))));
        return repository.count("ownerId", command.userId()).flatMap(owned -> owned < quota
                ? insert
                : repository.findById(entity.id).map(current -> alreadyApplied(command, current)
                        ? committed(command, current)
                        : CommandOutcome.unchanged(quotaExceeded(command))));
    }

    /**
     * Over the quota. Answered FORBIDDEN with the error code QUOTA_EXCEEDED (and the limit): a status of its own would
     * break the engine's exhaustive mapping of statuses, which the WebSocket side of issue 10 will extend.
     */
    private PersistenceResult quotaExceeded(PersistenceCommand command) {
        String message = "a user may keep at most " + quota + " " + kind + "s; delete one first";
        return PersistenceResult.failed(command, ResultStatus.FORBIDDEN, message,
                List.of(new FieldError("", "QUOTA_EXCEEDED", message)));
    }

    private static boolean alreadyApplied(PersistenceCommand command, OwnedEntity current) {
        return current != null && command.commandId().equals(current.lastCommandId);
    }

    /** Millisecond precision, as MongoDB stores it: an answer rebuilt from the stored entity is then identical. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The happy path is one write: replace the entity if it is still at the expected version, the command's user owns
     * it and it is not read-only (a save's most common case, so no read before it). When that matches nothing, the
     * entity is read to say why, or to recognise a redelivery of this very command.
     */
    private Uni<CommandOutcome> update(PersistenceCommand command, Supplier<E> blank, Consumer<E> fill) {
        long expected = command.expectedVersion();
        E replacement = blank.get();
        replacement.id = command.entityId();
        replacement.ownerId = command.userId();
        replacement.version = expected + 1;
        replacement.updatedAt = now();
        replacement.lastCommandId = command.commandId();
        fill.accept(replacement);
        List<Bson> writable = new ArrayList<>(List.of(Filters.eq("_id", replacement.id), Filters.eq("version", expected),
                Filters.eq("ownerId", command.userId())));
        if (readOnly() != null) {
            writable.add(Filters.nor(readOnly()));
        }
        return repository.mongoCollection().replaceOne(Filters.and(writable), replacement)
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Uni.createFrom().item(committed(command, replacement))
                        : explainUpdate(command));
    }

    /** Why an update matched nothing (missing, read-only, another user's, another version), or its first success. */
    private Uni<CommandOutcome> explainUpdate(PersistenceCommand command) {
        return writable(command, "changed").flatMap(check -> {
            if (check.refusal() != null) {
                return Uni.createFrom().item(check.refusal());
            }
            E existing = check.entity();
            if (alreadyApplied(command, existing)) {
                return Uni.createFrom().item(committed(command, existing));
            }
            // Another version, or (commands of one entity share a partition, so hardly ever) changed between the two.
            return Uni.createFrom().item(CommandOutcome.unchanged(conflict(command, existing)));
        });
    }

    /** The existing entity, or the refusal when it is missing, read-only or another user's. */
    private record WriteCheck<E>(E entity, CommandOutcome refusal) {
    }

    private Uni<WriteCheck<E>> writable(PersistenceCommand command, String change) {
        return repository.findById(command.entityId()).map(existing -> {
            if (existing == null) {
                return refused(command, ResultStatus.NOT_FOUND, "no " + kind + " " + command.entityId());
            }
            String readOnly = readOnlyReason(existing);
            if (readOnly != null) {
                return refused(command, ResultStatus.FORBIDDEN, readOnly + " cannot be " + change);
            }
            if (!existing.ownerId.equals(command.userId())) {
                return refused(command, ResultStatus.FORBIDDEN, kind + " " + existing.id + " belongs to another user");
            }
            return new WriteCheck<>(existing, null);
        });
    }

    private WriteCheck<E> refused(PersistenceCommand command, ResultStatus status, String message) {
        return new WriteCheck<>(null, CommandOutcome.unchanged(PersistenceResult.failed(command, status, message, List.of())));
    }

    private CommandOutcome committed(PersistenceCommand command, E entity) {
        Object record = toRecord(entity);
        return new CommandOutcome(PersistenceResult.ok(command, Json.toTree(record)),
                ChangelogChange.upsert(changelogTopic, entity.id, record));
    }

    private PersistenceResult conflict(PersistenceCommand command, E current) {
        String message = current == null
                ? kind + " " + command.entityId() + " no longer exists"
                : kind + " " + current.id + " is at version " + current.version + ", not " + command.expectedVersion();
        return PersistenceResult.failed(command, ResultStatus.CONFLICT, message, List.of());
    }

    protected Uni<CommandOutcome> invalid(PersistenceCommand command, List<FieldError> errors) {
        return Uni.createFrom().item(CommandOutcome.unchanged(
                PersistenceResult.failed(command, ResultStatus.INVALID, "the " + kind + " is not valid", new ArrayList<>(errors))));
    }

    protected Uni<CommandOutcome> failed(PersistenceCommand command, ResultStatus status, String message) {
        return Uni.createFrom().item(CommandOutcome.unchanged(PersistenceResult.failed(command, status, message, List.of())));
    }

}
