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

    /** A session and the user it was admitted as: the quota is given back for that user, whoever it is by then. */
    private record Admitted(ClientSession session, String userId) {
    }

    private final Map<String, Admitted> sessions = new ConcurrentHashMap<>();
    private final ConnectionQuota quota;

    public SessionRegistry(MeterRegistry registry, EngineConfig config) {
        this.quota = new ConnectionQuota(config.maxConnectionsPerAddress(), config.maxConnectionsPerUser());
        registry.gauge("arena.engine.clients.connected", sessions, Map::size);
    }

    /** Adds {@code session}, or leaves it out and names the limit it would break. */
    Optional<ConnectionQuota.Limit> admit(ClientSession session) {
        Optional<ConnectionQuota.Limit> refused = quota.tryAcquire(session.remoteHost(), session.user().id());
        if (refused.isEmpty()) {
            sessions.put(session.id(), new Admitted(session, session.user().id()));
        }
        return refused;
    }

    int limit(ConnectionQuota.Limit limit) {
        return quota.limit(limit);
    }

    Optional<ClientSession> remove(String connectionId) {
        Admitted removed = sessions.remove(connectionId);
        if (removed == null) {
            return Optional.empty();
        }
        quota.release(removed.session().remoteHost(), removed.userId());
        return Optional.of(removed.session());
    }

    Optional<ClientSession> find(String connectionId) {
        return Optional.ofNullable(sessions.get(connectionId)).map(Admitted::session);
    }

    /** Everyone watching {@code worldId} except {@code except}. */
    public List<ClientSession> othersInWorld(String worldId, ClientSession except) {
        return all().stream()
                .filter(session -> session.worldId().equals(worldId) && session != except)
                .toList();
    }

    public Collection<ClientSession> all() {
        return sessions.values().stream().map(Admitted::session).toList();
    }
}
