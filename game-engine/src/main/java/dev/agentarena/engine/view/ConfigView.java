package dev.agentarena.engine.view;

import dev.agentarena.contracts.messages.ConfigRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's in-memory copy of all configs, rebuilt from the {@code arena.configs} changelog and updated
 * at once from committed results, so reads never make a round trip over Kafka. Older versions never
 * overwrite newer ones (a changelog replay and a result may arrive in either order).
 */
@ApplicationScoped
public class ConfigView {

    private final Map<String, ConfigRecord> configs = new ConcurrentHashMap<>();

    public void upsert(ConfigRecord config) {
        configs.merge(config.id(), config, (current, incoming) -> incoming.version() >= current.version() ? incoming : current);
    }

    public void remove(String id) {
        configs.remove(id);
    }

    public Optional<ConfigRecord> find(String id) {
        return Optional.ofNullable(configs.get(id));
    }

    /** The default configs first, then the user's own, each group by name. */
    public List<ConfigRecord> visibleTo(String userId) {
        return configs.values().stream()
                .filter(config -> config.isDefault() || config.ownerId().equals(userId))
                .sorted(Comparator.comparing((ConfigRecord config) -> !config.isDefault())
                        .thenComparing(ConfigRecord::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ConfigRecord::id))
                .toList();
    }
}
