package dev.agentarena.engine.ws;

import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.ws.connection.ConnectionQuota;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions connected to this engine, by connection id, within the per-address and per-user limits. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final ConnectionQuota quota;

    public SessionRegistry(MeterRegistry registry, EngineConfig config) {
        this.quota = new ConnectionQuota(config.maxConnectionsPerAddress(), config.maxConnectionsPerUser());
        registry.gauge("arena.engine.clients.connected", sessions, Map::size);
    }

    /** Adds {@code session}, or leaves it out and names the limit it would break. */
    Optional<ConnectionQuota.Limit> admit(ClientSession session) {
        Optional<ConnectionQuota.Limit> refused = quota.tryAcquire(session.remoteHost(), session.user().id());
        if (refused.isEmpty()) {
            sessions.put(session.id(), session);
        }
        return refused;
    }

    int limit(ConnectionQuota.Limit limit) {
        return quota.limit(limit);
    }

    Optional<ClientSession> remove(String connectionId) {
        ClientSession removed = sessions.remove(connectionId);
        if (removed != null) {
            quota.release(removed.remoteHost(), removed.user().id());
        }
        return Optional.ofNullable(removed);
    }

    Optional<ClientSession> find(String connectionId) {
        return Optional.ofNullable(sessions.get(connectionId));
    }

    /** Everyone watching {@code worldId} except {@code except}. */
    public List<ClientSession> othersInWorld(String worldId, ClientSession except) {
        return sessions.values().stream()
                .filter(session -> session.worldId().equals(worldId) && session != except)
                .toList();
    }

    public Collection<ClientSession> all() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }
}
