package dev.agentarena.engine.ws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BehaviorValidator;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.agentarena.behavior.DocumentPositions;
import dev.agentarena.behavior.ValidationReport;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.engine.behavior.BehaviorCatalog;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.view.BehaviorView;
import dev.agentarena.engine.world.WorldCommand;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * validate_behavior, save_behavior, delete_behavior, list_behaviors and assign_behavior. Documents are
 * validated here first with the contract's validator (a client gets its diagnostics without a trip over
 * Kafka), writes go to the persistence service, reads come from the local view, and assignments become
 * world commands.
 */
@Singleton
public class BehaviorRequests extends OwnedEntityRequests<BehaviorRecord> {

    /**
     * The behavior part of save_behavior: no id to create, id and version to update. The read-only fields of a
     * listed or saved behavior are ignored (the name is the document's), so that a client can send back what
     * {@code behavior_list} gave it.
     */
    @JsonIgnoreProperties({"schema", "name", "builtIn", "ownerId", "updatedAt"})
    record BehaviorDraft(String id, Long version, JsonNode document) {
    }

    /** The built-ins as listed, built once: they are resources and never change while running. */
    private static final List<ServerMessages.BehaviorSummary> BUILT_INS = BuiltInBehaviors.IDS.stream()
            .map(id -> new ServerMessages.BehaviorSummary(id, BuiltInBehaviors.compiled(id).name(), true,
                    DefaultEntities.DEFAULT_USER_ID, 1, null, Json.tree(BuiltInBehaviors.json(id))))
            .toList();

    private final BehaviorView behaviors;
    private final BehaviorCatalog catalog;
    private final WorldRequests world;
    private final SessionRegistry sessions;

    public BehaviorRequests(PersistenceClient persistence, BehaviorView behaviors, BehaviorCatalog catalog,
                            WorldRequests world, SessionRegistry sessions) {
        super(persistence, sessions, "behavior", CommandType.SAVE_BEHAVIOR, CommandType.DELETE_BEHAVIOR,
                ErrorCode.INVALID_BEHAVIOR, BehaviorRecord.class, behaviors::find, new Messages<>(
                        ServerMessages.BehaviorSaved::new, ServerMessages.BehaviorDeleted::new,
                        ServerMessages.BehaviorListChanged::new));
        this.behaviors = behaviors;
        this.catalog = catalog;
        this.world = world;
        this.sessions = sessions;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("validate_behavior", this::validate, "save_behavior", this::save, "delete_behavior", this::delete,
                "list_behaviors", this::list, "assign_behavior", this::assign);
    }

    void validate(ClientSession session, ClientRequest request) {
        JsonNode document = request.field("behavior", JsonNode.class, true);
        String text = text(document);
        ValidationReport report = BehaviorValidator.validate(text);
        session.send(new ServerMessages.BehaviorValidation(request.requestId(), report.ok(),
                DocumentPositions.locate(text, report.diagnostics())));
    }

    /** The built-ins first, in their fixed order, then the user's own by name. */
    void list(ClientSession session, ClientRequest request) {
        List<ServerMessages.BehaviorSummary> all = new ArrayList<>(BUILT_INS);
        behaviors.ownedBy(session.user().id()).forEach(own -> all.add(new ServerMessages.BehaviorSummary(own.id(),
                own.name(), false, own.ownerId(), own.version(), own.updatedAt(), own.document())));
        int ownRank = BuiltInBehaviors.IDS.size();
        ListPaging.Page<ServerMessages.BehaviorSummary> page = ListPaging.page(request, all, behavior ->
                new ListPaging.SortKey(behavior.builtIn() ? BuiltInBehaviors.IDS.indexOf(behavior.id()) : ownRank,
                        behavior.name(), behavior.id()));
        session.send(new ServerMessages.BehaviorList(request.requestId(), page.entries(), page.nextCursor()));
    }

    void save(ClientSession session, ClientRequest request) {
        BehaviorDraft draft = request.field("behavior", BehaviorDraft.class, true);
        List<FieldError> errors = new ArrayList<>();
        missingVersion(draft.id(), draft.version()).ifPresent(errors::add);
        if (draft.document() == null || draft.document().isNull()) {
            errors.addAll(inMessage(List.of(SaveBehaviorPayload.MISSING_DOCUMENT)));
            throw new InvalidBehaviorException(request.requestId(), errors, List.of());
        }
        String text = text(draft.document());
        List<Diagnostic> diagnostics = BehaviorValidator.validate(text).diagnostics();
        errors.addAll(inMessage(SaveBehaviorPayload.errorsOf(diagnostics)));
        if (!errors.isEmpty()) {
            throw new InvalidBehaviorException(request.requestId(), errors, DocumentPositions.locate(text, diagnostics));
        }
        save(session, request, draft.id(), draft.version(), new SaveBehaviorPayload(Json.tree(text)));
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
        var event = new ServerMessages.BehaviorAssigned(behaviorId, team, agents);
        world.submit(session, request, command, () -> {
            session.send(event);
            sessions.othersInWorld(session.worldId(), session).forEach(other -> other.send(event));
        });
    }

    /** The document as JSON text: clients may send it as an object or, to get exact lines and columns, as text. */
    private static String text(JsonNode document) {
        return document.isTextual() ? document.asText() : Json.write(document);
    }

    @Override
    protected String readOnlyReason(String id, BehaviorRecord existing) {
        return BuiltInBehaviors.isReserved(id) ? "built-in behavior " + id : null;
    }
}
