package dev.agentarena.engine.view;

import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The engine's in-memory copy of users, rebuilt from the {@code arena.users} changelog. */
@ApplicationScoped
public class UserView {

    /** A known user's name changed (a rename here or on another engine); open connections must show the new one. */
    public record UserRenamed(UserRecord user) {
    }

    private final Map<String, UserRecord> users = new ConcurrentHashMap<>();
    private final Event<UserRenamed> renamed;

    public UserView(Event<UserRenamed> renamed) {
        this.renamed = renamed;
    }

    /** Keeps the newer version of {@code user}; fires {@link UserRenamed} when that changes a known user's name. */
    public void upsert(UserRecord user) {
        UserRecord[] previous = new UserRecord[1];
        UserRecord kept = users.merge(user.id(), user, (current, incoming) -> {
            previous[0] = current;
            return incoming.version() >= current.version() ? incoming : current;
        });
        if (kept == user && previous[0] != null && !previous[0].username().equals(user.username())) {
            renamed.fire(new UserRenamed(user));
        }
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
