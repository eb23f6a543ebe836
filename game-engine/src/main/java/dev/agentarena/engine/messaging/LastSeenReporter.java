package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.view.TokenView.TokenUsed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the persistence service when a signed-in user is seen (their token presented: a sign-in check or a connection),
 * as a {@code MARK_SEEN} command, at most once per user per {@code arena.engine.last-seen-interval} (0 turns it off):
 * a user's {@code lastSeenAt} is then true to within that interval, for one small command per active user per interval.
 * The answer is not awaited by anyone; it only keeps the engine's view of persistence's health current.
 */
@ApplicationScoped
public class LastSeenReporter {

    /** Users tracked before the ones not seen for an interval are forgotten (each would be reported anew anyway). */
    private static final int TRACKED = 10_000;

    private final PersistenceClient persistence;
    private final long intervalNanos;
    private final Map<String, Long> reportedAt = new ConcurrentHashMap<>();

    public LastSeenReporter(PersistenceClient persistence, EngineConfig config) {
        this.persistence = persistence;
        this.intervalNanos = config.lastSeenInterval().toNanos();
    }

    void onTokenUsed(@Observes TokenUsed used) {
        if (intervalNanos > 0 && due(used.userId(), System.nanoTime())) {
            persistence.send(PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.MARK_SEEN, used.userId(),
                    used.userId(), null, null), result -> { });
        }
    }

    /** True when {@code userId} was not reported within the interval before {@code nowNanos}; then it counts as reported. */
    private boolean due(String userId, long nowNanos) {
        if (reportedAt.size() >= TRACKED) {
            reportedAt.values().removeIf(at -> nowNanos - at >= intervalNanos);
        }
        boolean[] due = {false};
        reportedAt.compute(userId, (id, at) -> {
            due[0] = at == null || nowNanos - at >= intervalNanos;
            return due[0] ? nowNanos : at;
        });
        return due[0];
    }
}
