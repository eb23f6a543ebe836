package dev.agentarena.engine.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strings agents carry (behavior ids and rule labels), numbered in order of first appearance. Append-only
 * within one static version, so that a delta only lists the names added since its baseline; past
 * {@link #CAPACITY} the serializer starts a new static version with a fresh table.
 */
final class NameTable {

    static final int CAPACITY = 4096;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    /** The number of {@code name}, added when new; -1 when the table is full. */
    int indexOf(String name) {
        Integer known = index.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() >= CAPACITY) {
            return -1;
        }
        index.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    String get(int i) {
        return names.get(i);
    }

    int size() {
        return names.size();
    }

    void clear() {
        names.clear();
        index.clear();
    }
}
