package dev.agentarena.gateway.service;

import dev.agentarena.contracts.messages.LlmEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Final answers of identical requests (same query, context, conversation turns, provider and model), bounded and expiring. */
final class AnswerCache {

    private record Entry(LlmEvent answer, long storedAt) {
    }

    private final int capacity;
    private final long ttlNanos;
    private final LongSupplier nanos;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    AnswerCache(int capacity, long ttlNanos, LongSupplier nanos) {
        this.capacity = capacity;
        this.ttlNanos = ttlNanos;
        this.nanos = nanos;
    }

    synchronized Optional<LlmEvent> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanos.getAsLong() - entry.storedAt() > ttlNanos) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.answer());
    }

    synchronized void put(String key, LlmEvent answer) {
        if (capacity <= 0) {
            return;
        }
        entries.put(key, new Entry(answer, nanos.getAsLong()));
        while (entries.size() > capacity) {
            Map.Entry<String, Entry> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
        }
    }
}
