package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.RenameUserPayload;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.view.UserView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * rename_user: a signed-in user changes their own name through the persistence service's RENAME_USER, which judges
 * the name as it does at sign-in (1–40 characters once trimmed, unique ignoring case: INVALID_NAME, CONFLICT). The new
 * name is in this engine's user view at once, so the next handshake's {@code welcome} shows it, and every open
 * connection of the user hears {@code user_renamed} ({@link RenamedUsers}).
 */
@ApplicationScoped
public class UserRequests implements RequestHandler {

    private final PersistenceClient persistence;
    private final UserView users;

    public UserRequests(PersistenceClient persistence, UserView users) {
        this.persistence = persistence;
        this.users = users;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("rename_user", this::rename);
    }

    void rename(ClientSession session, ClientRequest request) {
        String name = request.field("name", String.class, true);
        if (session.identity().isGuest()) {
            throw new ProtocolException(request.requestId(), ErrorCode.FORBIDDEN,
                    "guests have no name to change: " + OwnedEntityRequests.SIGN_IN, List.of());
        }
        String userId = session.user().id();
        // No expected version: the new name replaces the old whatever it was, and persistence still refuses a race.
        ClientCommands.ask(persistence, session, request, () -> PersistenceCommand.of(UUID.randomUUID().toString(),
                CommandType.RENAME_USER, userId, userId, null, Json.toTree(new RenameUserPayload(name))),
                ErrorCode.INVALID_NAME, "", (asker, result) -> {
                    UserRecord renamed = MessageSchema.convert(result.entity(), UserRecord.class);
                    // The asker first: the view's event then tells only the user's other connections.
                    session.userChanged(renamed);
                    asker.accept(new ServerMessages.UserRenamed(request.requestId(), ServerMessages.UserInfo.of(session.identity())));
                    users.upsert(renamed);
                });
    }
}
