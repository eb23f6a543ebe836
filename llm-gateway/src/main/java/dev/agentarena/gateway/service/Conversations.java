package dev.agentarena.gateway.service;

import dev.agentarena.gateway.provider.ModelPrompt.Role;
import dev.agentarena.gateway.provider.ModelPrompt.Turn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The last turns of each conversation (keyed by user and conversationId): at most {@code turns} per
 * conversation, forgotten {@code ttlNanos} after the last turn, and at most {@code capacity} conversations
 * (least recently used first out).
 */
final class Conversations {

    private record Exchange(String question, String answer) {
    }

    private static final class Thread {
        final Deque<Exchange> exchanges = new ArrayDeque<>();
        long lastAt;
    }

    private final int turns;
    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier nanos;
    private final LinkedHashMap<String, Thread> threads = new LinkedHashMap<>(16, 0.75f, true);

    Conversations(int turns, long ttlNanos, int capacity, LongSupplier nanos) {
        this.turns = turns;
        this.ttlNanos = ttlNanos;
        this.capacity = capacity;
        this.nanos = nanos;
    }

    /** The conversation's earlier turns, oldest first; empty without a conversationId or once expired. */
    synchronized List<Turn> history(String userId, String conversationId) {
        Thread thread = conversationId == null ? null : threads.get(key(userId, conversationId));
        if (thread == null || nanos.getAsLong() - thread.lastAt > ttlNanos) {
            return List.of();
        }
        List<Turn> history = new ArrayList<>();
        for (Exchange exchange : thread.exchanges) {
            history.add(new Turn(Role.USER, exchange.question()));
            history.add(new Turn(Role.ASSISTANT, exchange.answer()));
        }
        return history;
    }

    synchronized void record(String userId, String conversationId, String question, String answer) {
        if (conversationId == null) {
            return;
        }
        long now = nanos.getAsLong();
        Thread thread = threads.computeIfAbsent(key(userId, conversationId), k -> new Thread());
        if (now - thread.lastAt > ttlNanos) {
            thread.exchanges.clear();
        }
        thread.exchanges.addLast(new Exchange(question, answer));
        while (thread.exchanges.size() > turns) {
            thread.exchanges.removeFirst();
        }
        thread.lastAt = now;
        while (threads.size() > capacity) {
            Map.Entry<String, Thread> eldest = threads.entrySet().iterator().next();
            threads.remove(eldest.getKey());
        }
    }

    private static String key(String userId, String conversationId) {
        return userId + "\u0000" + conversationId;
    }
}
