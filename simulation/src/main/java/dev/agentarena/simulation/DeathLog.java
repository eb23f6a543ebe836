package dev.agentarena.simulation;

import dev.agentarena.simulation.state.StateReader;
import dev.agentarena.simulation.state.StateWriter;
import dev.agentarena.simulation.state.WorldStateException;

/**
 * The last deaths of a world, in a fixed ring of primitive arrays (no allocation per death). Each entry has a
 * sequence number so a reader can take only what is new since its last read.
 */
public final class DeathLog {

    static final int CAPACITY = 256;

    private final long[] tick = new long[CAPACITY];
    private final long[] victim = new long[CAPACITY];
    private final int[] victimTeam = new int[CAPACITY];
    private final long[] killer = new long[CAPACITY];
    private final int[] killerTeam = new int[CAPACITY];
    private final double[] lifetime = new double[CAPACITY];
    private long next;

    void record(long atTick, long victimId, int victimTeamIndex, long killerId, int killerTeamIndex,
                double lifetimeSeconds) {
        int i = (int) (next % CAPACITY);
        tick[i] = atTick;
        victim[i] = victimId;
        victimTeam[i] = victimTeamIndex;
        killer[i] = killerId;
        killerTeam[i] = killerTeamIndex;
        lifetime[i] = lifetimeSeconds;
        next++;
    }

    /** Sequence number the next death will get; entries {@code [max(0, next - CAPACITY), next)} are readable. */
    public long next() {
        return next;
    }

    /** The oldest sequence number still held. */
    public long oldest() {
        return Math.max(0, next - CAPACITY);
    }

    public long tick(long sequence) { return tick[index(sequence)]; }
    public long victim(long sequence) { return victim[index(sequence)]; }
    public int victimTeam(long sequence) { return victimTeam[index(sequence)]; }
    /** The agent that dealt the killing blow, or 0 for the environment (boundary damage). */
    public long killer(long sequence) { return killer[index(sequence)]; }
    /** The killer's team, or -1 for the environment. */
    public int killerTeam(long sequence) { return killerTeam[index(sequence)]; }
    public double lifetime(long sequence) { return lifetime[index(sequence)]; }

    private int index(long sequence) {
        if (sequence < oldest() || sequence >= next) {
            throw new IndexOutOfBoundsException("death " + sequence + " is not held (" + oldest() + ".." + next + ")");
        }
        return (int) (sequence % CAPACITY);
    }

    /** Writes the sequence number and the entries still held, so readers resume where they were. */
    void write(StateWriter out) {
        out.writeLong(next);
        for (long seq = oldest(); seq < next; seq++) {
            int i = index(seq);
            out.writeLong(tick[i]).writeLong(victim[i]).writeInt(victimTeam[i]).writeLong(killer[i])
                    .writeInt(killerTeam[i]).writeDouble(lifetime[i]);
        }
    }

    void read(StateReader in) {
        long sequence = in.readLong();
        if (sequence < 0) {
            throw new WorldStateException(WorldStateException.Reason.MALFORMED, "death sequence " + sequence);
        }
        next = sequence;
        for (long seq = oldest(); seq < next; seq++) {
            int i = index(seq);
            tick[i] = in.readLong();
            victim[i] = in.readLong();
            victimTeam[i] = in.readInt();
            killer[i] = in.readLong();
            killerTeam[i] = in.readInt();
            lifetime[i] = in.readDouble();
        }
    }
}
