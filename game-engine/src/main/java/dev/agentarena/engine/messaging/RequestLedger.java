package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Requests to the persistence service by request key (the user and the client's requestId) for {@link #KEEP}: a
 * request sent again gets the first outcome, or joins the wait for it, and its command (one commandId) is never
 * applied twice. Also routes a result that arrives after its TIMEOUT to the askers as a late result.
 */
final class RequestLedger {

    static final Duration KEEP = Duration.ofMinutes(10);

    /** One request: its command, its outcome once known, and who waits for it. */
    static final class Request {

        final PersistenceCommand command;
        final long createdNanos;
        private PersistenceResult outcome;
        private final List<PersistenceReply> waiting = new ArrayList<>();
        private final List<PersistenceReply> toldTimeout = new ArrayList<>();

        Request(PersistenceCommand command, long createdNanos) {
            this.command = command;
            this.createdNanos = createdNanos;
        }

        /**
         * Adds an asker. Returns true when the command must be sent now: no outcome yet and nobody else waiting
         * (a first request, or a re-send after a TIMEOUT). With a known outcome the asker gets it at once.
         */
        boolean attach(PersistenceReply reply) {
            PersistenceResult known;
            boolean send;
            synchronized (this) {
                known = outcome;
                send = known == null && waiting.isEmpty();
                if (known == null) {
                    waiting.add(reply);
                }
            }
            if (known != null) {
                reply.onResult(known);
            }
            return send;
        }

        /** The first outcome is kept and told to everyone: on time to the waiting, late to those told TIMEOUT. */
        void complete(PersistenceResult result) {
            List<PersistenceReply> onTime;
            List<PersistenceReply> late;
            synchronized (this) {
                if (outcome != null) {
                    return;
                }
                outcome = result;
                onTime = List.copyOf(waiting);
                late = List.copyOf(toldTimeout);
                waiting.clear();
                toldTimeout.clear();
            }
            onTime.forEach(reply -> reply.onResult(result));
            late.forEach(reply -> reply.onLateResult(result));
        }

        /** The wait ended without an outcome: the waiting are told {@code timeout} and will hear the late result. */
        void timeOut(PersistenceResult timeout) {
            List<PersistenceReply> told;
            synchronized (this) {
                told = List.copyOf(waiting);
                toldTimeout.addAll(waiting);
                waiting.clear();
            }
            told.forEach(reply -> reply.onResult(timeout));
        }
    }

    private final Map<String, Request> byKey = new ConcurrentHashMap<>();
    private final Map<String, Request> byCommandId = new ConcurrentHashMap<>();

    /** The request under {@code key}, made with {@code command} when it is new (or expired). */
    Request requestFor(String key, Supplier<PersistenceCommand> command, long nowNanos) {
        Request request = byKey.compute(key, (k, existing) -> existing != null && nowNanos - existing.createdNanos < KEEP.toNanos()
                ? existing : new Request(command.get(), nowNanos));
        byCommandId.putIfAbsent(request.command.commandId(), request);
        return request;
    }


    /** A result for a request of this ledger (late or not); false when the commandId is not one of them. */
    boolean complete(PersistenceResult result) {
        Request request = byCommandId.get(result.commandId());
        if (request == null) {
            return false;
        }
        request.complete(result);
        return true;
    }

    /** Forgets requests older than {@link #KEEP}. */
    void expire(long nowNanos) {
        byKey.values().removeIf(request -> nowNanos - request.createdNanos >= KEEP.toNanos());
        byCommandId.values().removeIf(request -> nowNanos - request.createdNanos >= KEEP.toNanos());
    }

    int size() {
        return byKey.size();
    }
}
