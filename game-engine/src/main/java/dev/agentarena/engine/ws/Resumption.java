package dev.agentarena.engine.ws;

import dev.agentarena.engine.config.EngineConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a client that lost its connection take its session back. Every {@code welcome} carries a fresh resume
 * token; when the connection closes, its session stays here for the resume window, keeping what was sent to it
 * meanwhile (the answers to requests still in flight: a save's result, a copilot answer). A new connection of the
 * same user that presents the token within the window gets those messages, and later ones, in order. A token
 * works once and only for its user; it lives in this engine's memory only and is never logged.
 */
@ApplicationScoped
public class Resumption {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Detached(ClientSession session, long expiresAtNanos) {
    }

    private final Map<String, ClientSession> issued = new ConcurrentHashMap<>();
    private final Map<String, Detached> detached = new ConcurrentHashMap<>();
    private final long windowNanos;
    private final int maxMissed;
    private final Counter resumed;
    private final Counter expired;

    public Resumption(EngineConfig config, MeterRegistry registry) {
        this.windowNanos = config.resumeWindow().toNanos();
        this.maxMissed = config.outboundQueueMessages();
        this.resumed = registry.counter("arena.engine.ws.resumes", "outcome", "resumed");
        this.expired = registry.counter("arena.engine.ws.resumes", "outcome", "expired");
    }

    /** A new token for {@code session}, to send in its welcome. */
    String issue(ClientSession session) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, session);
        session.resumeToken(token);
        return token;
    }

    /** The session's connection closed: it keeps what it is sent from now on, until resumed or expired. */
    void detach(ClientSession session) {
        String token = session.resumeToken();
        session.detach(maxMissed);
        if (token != null && issued.remove(token, session)) {
            detached.put(token, new Detached(session, System.nanoTime() + windowNanos));
        }
        sweep(System.nanoTime());
    }

    /**
     * Hands the detached session of {@code token} over to {@code successor}, when it is of the same user and within
     * the window; returns the messages it had kept (later ones go to {@code successor} directly).
     */
    Optional<List<Object>> resume(String token, ClientSession successor) {
        long now = System.nanoTime();
        sweep(now);
        Detached entry = detached.get(token);
        if (entry == null || !entry.session().user().id().equals(successor.user().id())
                || !detached.remove(token, entry)) {
            return Optional.empty();
        }
        resumed.increment();
        return Optional.of(entry.session().handOver(successor));
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Detached>> it = detached.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Detached> entry = it.next();
            if (now - entry.getValue().expiresAtNanos() > 0) {
                it.remove();
                expired.increment();
            }
        }
    }
}
