package dev.agentarena.engine.ws;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions connected to this engine, by connection id. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();

    public SessionRegistry(MeterRegistry registry) {
        registry.gauge("arena.engine.clients.connected", sessions, Map::size);
    }

    void add(ClientSession session) {
        sessions.put(session.id(), session);
    }

    Optional<ClientSession> remove(String connectionId) {
        return Optional.ofNullable(sessions.remove(connectionId));
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
