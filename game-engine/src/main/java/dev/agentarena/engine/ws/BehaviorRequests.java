package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.behavior.BehaviorValidator;
import dev.agentarena.contracts.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.agentarena.contracts.behavior.ValidationReport;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.engine.behavior.BehaviorCatalog;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.view.BehaviorView;
import dev.agentarena.engine.world.WorldCommand;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * validate_behavior, save_behavior, delete_behavior, list_behaviors and assign_behavior. Documents are
 * validated here first with the contract's validator (a client gets its diagnostics without a trip over
 * Kafka), writes go to the persistence service, reads come from the local view, and assignments become
 * world commands.
 */
@ApplicationScoped
public class BehaviorRequests {

    /** The behavior part of save_behavior: no id to create, id and version to update. */
    record BehaviorDraft(String id, Long version, JsonNode document) {
    }

    /** The built-ins as listed, built once: they are resources and never change while running. */
    private static final List<ServerMessages.BehaviorSummary> BUILT_INS = BuiltInBehaviors.IDS.stream()
            .map(id -> new ServerMessages.BehaviorSummary(id, BuiltInBehaviors.compiled(id).name(), true,
                    DefaultEntities.DEFAULT_USER_ID, 1, null, Json.tree(BuiltInBehaviors.json(id))))
            .toList();

    private final PersistenceClient persistence;
    private final BehaviorView behaviors;
    private final BehaviorCatalog catalog;
    private final WorldRequests world;
    private final SessionRegistry sessions;

    public BehaviorRequests(PersistenceClient persistence, BehaviorView behaviors, BehaviorCatalog catalog,
                            WorldRequests world, SessionRegistry sessions) {
        this.persistence = persistence;
        this.behaviors = behaviors;
        this.catalog = catalog;
        this.world = world;
        this.sessions = sessions;
    }

    void validate(ClientSession session, ClientRequest request) {
        JsonNode document = request.field("behavior", JsonNode.class, true);
        ValidationReport report = BehaviorValidator.validate(text(document));
        session.send(new ServerMessages.BehaviorValidation(request.requestId(), report.ok(), report.diagnostics()));
    }

    void list(ClientSession session, ClientRequest request) {
        List<ServerMessages.BehaviorSummary> all = new ArrayList<>(BUILT_INS);
        behaviors.ownedBy(session.user().id()).forEach(own -> all.add(new ServerMessages.BehaviorSummary(own.id(),
                own.name(), false, own.ownerId(), own.version(), own.updatedAt(), own.document())));
        session.send(new ServerMessages.BehaviorList(request.requestId(), all));
    }

    void save(ClientSession session, ClientRequest request) {
        BehaviorDraft draft = request.field("behavior", BehaviorDraft.class, true);
        JsonNode document = validDocument(request.requestId(), draft);
        String userId = session.user().id();
        if (draft.id() != null) {
            checkWritable(request.requestId(), draft.id(), userId);
        }
        String id = draft.id() != null ? draft.id() : UUID.randomUUID().toString();
        PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.SAVE_BEHAVIOR,
                userId, id, draft.version(), Json.toTree(new SaveBehaviorPayload(document)));
        persistence.send(command, result -> {
            if (PersistenceReplies.committed(session, request, result, ErrorCode.INVALID_BEHAVIOR)) {
                BehaviorRecord saved = Json.convert(result.entity(), BehaviorRecord.class);
                session.send(new ServerMessages.BehaviorSaved(request.requestId(), saved));
                notifyOthers(session, saved.id(), "saved");
            }
        });
    }

    void delete(ClientSession session, ClientRequest request) {
        String id = request.field("behaviorId", String.class, true);
        Long version = request.field("version", Long.class, true);
        checkWritable(request.requestId(), id, session.user().id());
        PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.DELETE_BEHAVIOR,
                session.user().id(), id, version, null);
        persistence.send(command, result -> {
            if (PersistenceReplies.committed(session, request, result, ErrorCode.INVALID_BEHAVIOR)) {
                session.send(new ServerMessages.BehaviorDeleted(request.requestId(), id));
                notifyOthers(session, id, "deleted");
            }
        });
    }

    void assign(ClientSession session, ClientRequest request) {
        String behaviorId = request.field("behaviorId", String.class, true);
        Integer team = request.field("team", Integer.class, false);
        Long[] agentIds = request.field("agentIds", Long[].class, false);
        if ((team == null) == (agentIds == null)) {
            throw new ProtocolException(request.requestId(), ErrorCode.BAD_MESSAGE,
                    "assign_behavior needs exactly one of \"team\" and \"agentIds\"",
                    List.of(new FieldError("/team", "REQUIRED", "give team or agentIds, not both")));
        }
        boolean visible = BuiltInBehaviors.isReserved(behaviorId) || behaviors.find(behaviorId)
                .filter(own -> own.ownerId().equals(session.user().id())).isPresent();
        if (!visible || catalog.find(behaviorId).isEmpty()) {
            throw new ProtocolException(request.requestId(), ErrorCode.NOT_FOUND, "no behavior " + behaviorId, List.of());
        }
        List<Long> agents = agentIds == null ? null : Arrays.asList(agentIds);
        WorldCommand command = team != null
                ? new WorldCommand.SetTeamBehavior(team, behaviorId)
                : new WorldCommand.SetAgentBehavior(agents, behaviorId);
        world.submit(session, request, command);
        var event = new ServerMessages.BehaviorAssigned(behaviorId, team, agents);
        session.send(event);
        sessions.othersInWorld(session.worldId(), session).forEach(other -> other.send(event));
    }

    /** The document as JSON text: clients may send it as an object or, to get exact lines and columns, as text. */
    private static String text(JsonNode document) {
        return document.isTextual() ? document.asText() : Json.write(document);
    }

    private static JsonNode validDocument(String requestId, BehaviorDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.id() != null && draft.version() == null) {
            errors.add(new FieldError("/behavior/version", "REQUIRED", "updating a behavior needs the version you read"));
        }
        if (draft.document() == null || draft.document().isNull()) {
            errors.add(new FieldError("/behavior/document", "REQUIRED", "a behavior document is required"));
            throw new InvalidBehaviorException(requestId, errors, List.of());
        }
        String text = text(draft.document());
        List<Diagnostic> diagnostics = BehaviorValidator.validate(text).diagnostics();
        diagnostics.forEach(diagnostic -> errors.add(diagnostic.toFieldError("/behavior/document")));
        if (!errors.isEmpty()) {
            throw new InvalidBehaviorException(requestId, errors, diagnostics);
        }
        return Json.tree(text);
    }

    private void checkWritable(String requestId, String id, String userId) {
        if (BuiltInBehaviors.isReserved(id)) {
            throw new ProtocolException(requestId, ErrorCode.FORBIDDEN,
                    "built-in behavior " + id + " cannot be changed or deleted; save a copy without an id", List.of());
        }
        BehaviorRecord existing = behaviors.find(id).orElseThrow(() -> new ProtocolException(requestId,
                ErrorCode.NOT_FOUND, "no behavior " + id, List.of()));
        if (!existing.ownerId().equals(userId)) {
            throw new ProtocolException(requestId, ErrorCode.FORBIDDEN, "behavior " + id + " belongs to another user",
                    List.of());
        }
    }

    private void notifyOthers(ClientSession asker, String behaviorId, String change) {
        var event = new ServerMessages.BehaviorListChanged(behaviorId, change);
        sessions.othersInWorld(asker.worldId(), asker).forEach(other -> other.send(event));
    }
}
