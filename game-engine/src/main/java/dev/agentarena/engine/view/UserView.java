package dev.agentarena.engine.view;

import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The engine's in-memory copy of users, rebuilt from the {@code arena.users} changelog. */
@ApplicationScoped
public class UserView {

    private final Map<String, UserRecord> users = new ConcurrentHashMap<>();

    public void upsert(UserRecord user) {
        users.merge(user.id(), user, (current, incoming) -> incoming.version() >= current.version() ? incoming : current);
    }

    public void remove(String id) {
        users.remove(id);
    }

    public Optional<UserRecord> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    /**
     * The user every connection acts as until sign-in exists. Its identity is fixed, so it is usable even
     * before the changelog has delivered it.
     */
    public UserRecord defaultUser() {
        return find(DefaultEntities.DEFAULT_USER_ID).orElseGet(() -> new UserRecord(MessageSchema.CURRENT,
                DefaultEntities.DEFAULT_USER_ID, DefaultEntities.DEFAULT_USERNAME, true,
                Map.of("theme", "dark", "notifications", true), null, 0));
    }
}
