package dev.agentarena.engine.stream;

import java.util.Arrays;

/** The finished rounds a simulation keeps (its last few), as parallel arrays. */
final class Rounds {

    int count;
    int[] number = new int[4];
    /** -1: a draw. */
    int[] winner = new int[4];
    long[] endTick = new long[4];

    /** Makes room for {@code size} rounds and sets the count to it. */
    void resize(int size) {
        if (number.length < size) {
            int capacity = Math.max(size, number.length * 2);
            number = Arrays.copyOf(number, capacity);
            winner = Arrays.copyOf(winner, capacity);
            endTick = Arrays.copyOf(endTick, capacity);
        }
        count = size;
    }

    void copyFrom(Rounds other) {
        resize(other.count);
        System.arraycopy(other.number, 0, number, 0, count);
        System.arraycopy(other.winner, 0, winner, 0, count);
        System.arraycopy(other.endTick, 0, endTick, 0, count);
    }

    /** Identifies the list: the number of its last round (rounds are numbered upwards), 0 when empty. */
    int key() {
        return count == 0 ? 0 : number[count - 1];
    }
}
