package dev.agentarena.engine.stream;

import java.util.Arrays;

/** Deaths as parallel arrays (a copy's new deaths, then a frame's), grown when needed, never per copy after that. */
final class Deaths {

    int count;
    long[] tick = new long[16];
    long[] victim = new long[16];
    int[] victimTeam = new int[16];
    /** 0: the environment. */
    long[] killer = new long[16];
    /** -1: the environment. */
    int[] killerTeam = new int[16];
    /** Seconds the victim had lived. */
    double[] lifetime = new double[16];

    /** Makes room for {@code size} deaths and sets the count to it. */
    void resize(int size) {
        if (tick.length < size) {
            int capacity = Math.max(size, tick.length * 2);
            tick = Arrays.copyOf(tick, capacity);
            victim = Arrays.copyOf(victim, capacity);
            victimTeam = Arrays.copyOf(victimTeam, capacity);
            killer = Arrays.copyOf(killer, capacity);
            killerTeam = Arrays.copyOf(killerTeam, capacity);
            lifetime = Arrays.copyOf(lifetime, capacity);
        }
        count = size;
    }

    void copyFrom(Deaths other) {
        resize(other.count);
        System.arraycopy(other.tick, 0, tick, 0, count);
        System.arraycopy(other.victim, 0, victim, 0, count);
        System.arraycopy(other.victimTeam, 0, victimTeam, 0, count);
        System.arraycopy(other.killer, 0, killer, 0, count);
        System.arraycopy(other.killerTeam, 0, killerTeam, 0, count);
        System.arraycopy(other.lifetime, 0, lifetime, 0, count);
    }
}
