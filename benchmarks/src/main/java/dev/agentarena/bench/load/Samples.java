package dev.agentarena.bench.load;

import java.util.Arrays;

/** A growable array of long samples with percentiles; not thread-safe (one per client, merged at the end). */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The positions (in the order added) of the {@code n} largest values, largest first. */
    int[] largest(int n) {
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(values[b], values[a]));
        return Arrays.stream(order).limit(n).mapToInt(Integer::intValue).toArray();
    }

    long get(int index) {
        return values[index];
    }

    /** The value at quantile {@code q} (0..1) by the nearest-rank method; NaN when empty. */
    double percentile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
