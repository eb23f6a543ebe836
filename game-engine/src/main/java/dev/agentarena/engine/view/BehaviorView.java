package dev.agentarena.engine.view;

import dev.agentarena.contracts.messages.BehaviorRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's in-memory copy of the users' saved behaviors, rebuilt from the {@code arena.behaviors}
 * changelog and updated at once from committed results. Older versions never overwrite newer ones (a
 * changelog replay and a result may arrive in either order). The built-ins are not here: they are resources.
 */
@ApplicationScoped
public class BehaviorView {

    private final Map<String, BehaviorRecord> behaviors = new ConcurrentHashMap<>();

    public void upsert(BehaviorRecord behavior) {
        behaviors.merge(behavior.id(), behavior,
                (current, incoming) -> incoming.version() >= current.version() ? incoming : current);
    }

    public void remove(String id) {
        behaviors.remove(id);
    }

    public Optional<BehaviorRecord> find(String id) {
        return Optional.ofNullable(behaviors.get(id));
    }

    /** The user's own behaviors, by name. */
    public List<BehaviorRecord> ownedBy(String userId) {
        return behaviors.values().stream()
                .filter(behavior -> behavior.ownerId().equals(userId))
                .sorted(Comparator.comparing(BehaviorRecord::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(BehaviorRecord::id))
                .toList();
    }
}
