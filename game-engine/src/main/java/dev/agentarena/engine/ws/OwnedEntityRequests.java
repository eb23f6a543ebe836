package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.OwnedRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.engine.messaging.PersistenceClient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Save and delete of one kind of user-owned, versioned entity, as the persistence service's
 * {@code OwnedEntityCommands} does on its side: the asker must own an existing entity that is not read-only,
 * the command travels over Kafka with the version the client read, and a commit is replied to the asker and
 * announced to the world's other viewers. A subclass validates its kind's drafts and says which entities are
 * read-only; it passes its view's lookup and its messages to this constructor.
 *
 * Subclasses are {@code @Singleton} beans: a normal-scoped bean needs a proxy, which needs a no-args
 * constructor up the whole hierarchy.
 *
 * @param <R> the entity's contract record, as the persistence service commits it
 */
abstract class OwnedEntityRequests<R extends OwnedRecord> implements RequestHandler {

    /** Told to a guest refused a save or delete, and in the welcome's {@link ClientLimits}. */
    /** How a guest becomes a user, in every refusal that needs one. */
    static final String SIGN_IN = "sign in (POST /api/session with a name)";
    static final String HOW_TO_SIGN_IN = SIGN_IN + " to keep your own";

    /** The messages of one entity kind: the replies to save and delete, and the event the world's other viewers get. */
    record Messages<R>(BiFunction<String, R, Object> saved, BiFunction<String, String, Object> deleted,
                       BiFunction<String, String, Object> changed) {
    }

    private final PersistenceClient persistence;
    private final SessionRegistry sessions;
    private final String kind;
    private final CommandType saveCommand;
    private final CommandType deleteCommand;
    private final ErrorCode invalidCode;
    private final Class<R> recordType;
    private final Function<String, Optional<R>> find;
    private final Messages<R> messages;

    /**
     * @param kind the entity's name in messages: the field of save_{kind}, the {kind}Id of delete_{kind}
     * @param find the entity as this engine's view holds it
     */
    protected OwnedEntityRequests(PersistenceClient persistence, SessionRegistry sessions, String kind,
                                  CommandType saveCommand, CommandType deleteCommand, ErrorCode invalidCode,
                                  Class<R> recordType, Function<String, Optional<R>> find, Messages<R> messages) {
        this.persistence = persistence;
        this.sessions = sessions;
        this.kind = kind;
        this.saveCommand = saveCommand;
        this.deleteCommand = deleteCommand;
        this.invalidCode = invalidCode;
        this.recordType = recordType;
        this.find = find;
        this.messages = messages;
    }

    /**
     * Why the entity {@code id} may be changed by no one (e.g. "the default config"), or null; {@code existing}
     * is null when this engine's view does not hold it.
     */
    protected abstract String readOnlyReason(String id, R existing);

    /** Sends a validated payload to be saved: a new entity without {@code id}, else an update of the version read. */
    protected void save(ClientSession session, ClientRequest request, String id, Long version, Object payload) {
        refuseGuest(session, request, "save");
        String userId = session.user().id();
        if (id != null) {
            checkWritable(request.requestId(), id, userId);
        }
        String entityId = id != null ? id : UUID.randomUUID().toString();
        ask(session, request, () -> PersistenceCommand.of(UUID.randomUUID().toString(), saveCommand, userId, entityId,
                version, Json.toTree(payload)), (asker, result) -> {
            R saved = MessageSchema.convert(result.entity(), recordType);
            asker.accept(messages.saved().apply(request.requestId(), saved));
            notifyOthers(session, saved.id(), "saved");
        });
    }

    /** delete_{kind}: {@code {kind}Id} and the {@code version} read. */
    protected void delete(ClientSession session, ClientRequest request) {
        String id = request.field(kind + "Id", String.class, true);
        Long version = request.field("version", Long.class, true);
        refuseGuest(session, request, "delete");
        String userId = session.user().id();
        checkWritable(request.requestId(), id, userId);
        ask(session, request, () -> PersistenceCommand.of(UUID.randomUUID().toString(), deleteCommand, userId, id,
                version, null), (asker, result) -> {
            asker.accept(messages.deleted().apply(request.requestId(), id));
            notifyOthers(session, id, "deleted");
        });
    }

    /** Sends the request's command and replies (see {@link ClientCommands#ask}). */
    private void ask(ClientSession session, ClientRequest request, Supplier<PersistenceCommand> command,
                     BiConsumer<Consumer<Object>, PersistenceResult> onCommitted) {
        ClientCommands.ask(persistence, session, request, command, invalidCode, "/" + kind, onCommitted);
    }

    /** Field errors of a payload (paths relative to it) as paths of the client's message, under its {kind} field. */
    protected List<FieldError> inMessage(List<FieldError> payloadErrors) {
        return PersistenceReplies.under("/" + kind, payloadErrors);
    }

    /** A required {@code version} when the draft names an existing entity: the update is checked against it. */
    protected Optional<FieldError> missingVersion(String id, Long version) {
        return id != null && version == null
                ? Optional.of(new FieldError("/" + kind + "/version", "REQUIRED",
                        "updating a " + kind + " needs the version you read"))
                : Optional.empty();
    }

    /** Guests store nothing; they are told how to sign in. */
    private void refuseGuest(ClientSession session, ClientRequest request, String change) {
        if (session.identity().isGuest()) {
            throw new ProtocolException(request.requestId(), ErrorCode.FORBIDDEN, "guests cannot " + change + " a " + kind
                    + ": " + HOW_TO_SIGN_IN, List.of());
        }
    }

    private void checkWritable(String requestId, String id, String userId) {
        R existing = find.apply(id).orElse(null);
        String readOnly = readOnlyReason(id, existing);
        if (readOnly != null) {
            throw new ProtocolException(requestId, ErrorCode.FORBIDDEN,
                    readOnly + " cannot be changed or deleted; save a copy without an id", List.of());
        }
        if (existing == null) {
            throw new ProtocolException(requestId, ErrorCode.NOT_FOUND, "no " + kind + " " + id, List.of());
        }
        if (!existing.ownerId().equals(userId)) {
            throw new ProtocolException(requestId, ErrorCode.FORBIDDEN, kind + " " + id + " belongs to another user",
                    List.of());
        }
    }

    private void notifyOthers(ClientSession asker, String id, String change) {
        Object event = messages.changed().apply(id, change);
        sessions.othersInWorld(asker.worldId(), asker).forEach(other -> other.send(event));
    }
}
