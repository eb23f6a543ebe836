package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ListMatchesPayload;
import dev.agentarena.contracts.messages.MatchPage;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.engine.messaging.PersistenceClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * list_matches: match history, read from the persistence service (the only one that reaches MongoDB) with a
 * LIST_MATCHES request/reply over Kafka and relayed as {@code match_list}. The limit is checked here, the cursor
 * (opaque, the persistence service's) there: both refusals reach the client as BAD_MESSAGE naming the field.
 */
@ApplicationScoped
public class MatchRequests implements RequestHandler {

    private final PersistenceClient persistence;

    public MatchRequests(PersistenceClient persistence) {
        this.persistence = persistence;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("list_matches", this::list);
    }

    void list(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, false);
        String before = request.field("before", String.class, false);
        int limit = ListPaging.limit(request, ListMatchesPayload.MAX_LIMIT, ListMatchesPayload.DEFAULT_LIMIT);
        PersistenceCommand read = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.LIST_MATCHES,
                session.user().id(), null, null, Json.toTree(new ListMatchesPayload(worldId, before, limit)));
        persistence.send(read, result -> {
            if (PersistenceReplies.committed(session::send, request, result, ErrorCode.BAD_MESSAGE, "")) {
                MatchPage page = MessageSchema.convert(result.entity(), MatchPage.class);
                session.send(new ServerMessages.MatchList(request.requestId(), page.matches(), page.nextCursor()));
            }
        });
    }
}
