package dev.agentarena.engine.stream;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Writes keyframes and deltas in the binary format of docs/protocol.md ("Snapshot frames"). A delta goes from
 * the frame a client has (its baseline) to the newest: positions as residuals against a prediction, the other
 * fields only when they changed, agents that appeared whole, agents that left as a list of slots. A view mask
 * (null: every agent) restricts a frame to a viewport. Not thread-safe: its caller holds the serializer's lock.
 */
final class FrameEncoder {

    static final int KEYFRAME = 1;
    static final int DELTA = 2;
    static final int FLAG_RUNNING = 1;
    static final int FLAG_VIEWPORT = 2;
    static final int FLAG_VELOCITY = 4;
    static final int FLAG_ROUNDS = 8;
    static final int FLAG_COARSE_BASELINE = 16;
    /** Position steps per keyframe step: a keyframe places agents to 2 units (8 steps of 1/4), the next delta refines. */
    static final int KEYFRAME_STEP = 8;
    /** Largest exp-Golomb order tried for the position residuals of a delta. */
    private static final int MAX_POSITION_K = 12;

    private final BitWriter out = new BitWriter();
    private final long[] positionCost = new long[MAX_POSITION_K + 1];

    /** A keyframe of {@code f}: everything a client needs, static data included. */
    Buffer keyframe(Frame f, StaticData statics, NameTable names, boolean[] mask) {
        out.reset();
        header(KEYFRAME, f, -1, mask != null, false, false, true);
        statics.write(out, names, f.nameCount);
        teams(f, mask);
        kills(f, f.seq, f.seq, null);
        rounds(f);
        int count = 0;
        for (int s = 0; s < f.slots; s++) {
            if (visible(f, mask, s)) {
                count++;
            }
        }
        out.varint(count);
        Entry entry = new Entry();
        for (int s = 0; s < f.slots; s++) {
            if (visible(f, mask, s)) {
                fullRecord(f, s, statics, entry, false);
            }
        }
        return out.toBuffer();
    }

    /**
     * A delta from {@code b} (as the client has it: {@code maskB}, and whether it knows the agents' last
     * displacements) to {@code f}. {@code frames} gives the frames in between, whose deaths it carries.
     */
    Buffer delta(Frame b, boolean[] maskB, Frame f, boolean[] maskF, Baseline baseline, StaticData statics,
                 NameTable names, IntFunction<Frame> frames) {
        boolean velocityKnown = baseline == Baseline.WITH_DISPLACEMENTS;
        boolean coarse = baseline == Baseline.KEYFRAME;
        int gap = f.seq - b.seq;
        int slots = Math.max(b.slots, f.slots);
        int removed = 0;
        int added = 0;
        Arrays.fill(positionCost, 0);
        for (int s = 0; s < slots; s++) {
            boolean inB = visible(b, maskB, s);
            boolean inF = visible(f, maskF, s);
            boolean same = inB && inF && b.id[s] == f.id[s];
            if (inB && !same) {
                removed++;
            }
            if (inF && !same) {
                added++;
            }
            if (same) {
                long rx = BitWriter.zigzag(f.x[s] - predicted(b.x[s], b.vx[s], gap, baseline));
                long ry = BitWriter.zigzag(f.y[s] - predicted(b.y[s], b.vy[s], gap, baseline));
                for (int k = 0; k <= MAX_POSITION_K; k++) {
                    positionCost[k] += BitWriter.expGolombLength(rx, k) + BitWriter.expGolombLength(ry, k);
                }
            }
        }
        int k = 0;
        for (int i = 1; i <= MAX_POSITION_K; i++) {
            if (positionCost[i] < positionCost[k]) {
                k = i;
            }
        }
        out.reset();
        header(DELTA, f, b.seq, maskF != null, velocityKnown, coarse, b.rounds.key() != f.rounds.key());
        out.varint(f.nameCount - b.nameCount);
        for (int i = b.nameCount; i < f.nameCount; i++) {
            out.string(names.get(i));
        }
        teams(f, maskF);
        kills(f, b.seq + 1, f.seq, frames);
        if (b.rounds.key() != f.rounds.key()) {
            rounds(f);
        }
        out.varint(removed);
        out.varint(added);
        out.u8(k);
        int nameBits = BitWriter.bitsFor(f.nameCount - 1);
        int previous = -1;
        for (int s = 0; s < slots; s++) {
            if (visible(b, maskB, s) && !(visible(f, maskF, s) && b.id[s] == f.id[s])) {
                out.expGolomb(s - previous - 1, 2);
                previous = s;
            }
        }
        for (int s = 0; s < slots; s++) {
            if (visible(b, maskB, s) && visible(f, maskF, s) && b.id[s] == f.id[s]) {
                changes(b, f, s, gap, baseline, k, nameBits);
            }
        }
        Entry entry = new Entry();
        for (int s = 0; s < slots; s++) {
            if (visible(f, maskF, s) && !(visible(b, maskB, s) && b.id[s] == f.id[s])) {
                fullRecord(f, s, statics, entry, true);
            }
        }
        return out.toBuffer();
    }

    /**
     * Where the client expects an agent: its baseline position, moved on by its last displacement per frame
     * when the client knows it; a keyframe baseline holds positions rounded to {@link #KEYFRAME_STEP}.
     */
    private static long predicted(int position, int displacement, int gap, Baseline baseline) {
        return switch (baseline) {
            case KEYFRAME -> coarse(position);
            case POSITIONS -> position;
            case WITH_DISPLACEMENTS -> position + (long) displacement * gap;
        };
    }

    /** A position as a keyframe carries it (in keyframe steps). */
    static int keyframeSteps(int position) {
        return (position + KEYFRAME_STEP / 2) / KEYFRAME_STEP;
    }

    static long coarse(int position) {
        return (long) keyframeSteps(position) * KEYFRAME_STEP;
    }

    private static boolean visible(Frame f, boolean[] mask, int s) {
        return s < f.slots && f.used[s] && (mask == null || (s < mask.length && mask[s]));
    }

    private void header(int kind, Frame f, int baseSeq, boolean viewport, boolean velocity, boolean coarse,
                        boolean rounds) {
        out.u8(kind);
        out.u8((f.running ? FLAG_RUNNING : 0) | (viewport ? FLAG_VIEWPORT : 0) | (velocity ? FLAG_VELOCITY : 0)
                | (rounds ? FLAG_ROUNDS : 0) | (coarse ? FLAG_COARSE_BASELINE : 0));
        out.varint(f.seq);
        if (baseSeq >= 0) {
            out.varint(baseSeq);
        }
        out.varint(f.tick);
        out.varint(f.round);
        out.varint(f.roundTimeLeft);
        out.varint(f.capturedAtMillis);
    }

    private void teams(Frame f, boolean[] mask) {
        out.u8(f.teamCount);
        for (int t = 0; t < f.teamCount; t++) {
            out.varint(f.teamAgents[t]);
            out.varint(f.teamAlive[t]);
            out.varint(f.teamKills[t]);
            out.varint(f.teamDeaths[t]);
            out.varint(f.teamDamage[t]);
            out.varint(f.roundsWon[t]);
            out.varint(f.teamBehavior[t]);
            if (mask != null) {
                out.varint(outside(f, mask, t));
            }
        }
    }

    /** Agents of team {@code t} alive but outside the view. */
    private static int outside(Frame f, boolean[] mask, int t) {
        int count = 0;
        for (int s = 0; s < f.slots; s++) {
            if (f.used[s] && f.alive[s] && f.team[s] == t && !visible(f, mask, s)) {
                count++;
            }
        }
        return count;
    }

    /** The deaths of frames {@code from..to} (by sequence number), oldest first. */
    private void kills(Frame f, int from, int to, IntFunction<Frame> frames) {
        int count = 0;
        for (int seq = from; seq <= to; seq++) {
            count += (seq == f.seq ? f : frames.apply(seq)).died.count;
        }
        out.varint(count);
        for (int seq = from; seq <= to; seq++) {
            Deaths k = (seq == f.seq ? f : frames.apply(seq)).died;
            for (int i = 0; i < k.count; i++) {
                out.varint(Math.max(0, f.tick - k.tick[i]));
                out.varint(k.victim[i]);
                out.u8(k.victimTeam[i]);
                out.varint(k.killer[i]);
                out.u8(k.killerTeam[i] + 1);
                out.varint(Math.round(k.lifetime[i] * 10));
            }
        }
    }

    private void rounds(Frame f) {
        out.varint(f.rounds.count);
        for (int i = 0; i < f.rounds.count; i++) {
            out.varint(f.rounds.number[i]);
            out.u8(f.rounds.winner[i] + 1);
            out.varint(f.rounds.endTick[i]);
        }
    }

    /** The previous record of a list of whole agents: a record that follows it closely says so in one bit. */
    private static final class Entry {
        int slot = -1;
        long id;
        int team;
    }

    /**
     * An agent whole: where it is in the list (one bit when it is the next slot, the next id and the same team as
     * the record before), position (to a keyframe step in keyframes; exact, with its displacement, in deltas),
     * heading, flags, health, names, stats.
     */
    private void fullRecord(Frame f, int s, StaticData statics, Entry previous, boolean inDelta) {
        int nameBits = BitWriter.bitsFor(f.nameCount - 1);
        boolean follows = s == previous.slot + 1 && f.id[s] == previous.id + 1 && f.team[s] == previous.team;
        out.bit(follows);
        if (!follows) {
            out.expGolomb(s - previous.slot - 1, 0);
            out.expGolomb(BitWriter.zigzag(f.id[s] - previous.id - 1), 0);
            out.bits(f.team[s], BitWriter.bitsFor(statics.teamCount - 1));
        }
        previous.slot = s;
        previous.id = f.id[s];
        previous.team = f.team[s];
        if (inDelta) {
            out.bits(f.x[s], BitWriter.bitsFor(statics.width));
            out.bits(f.y[s], BitWriter.bitsFor(statics.height));
        } else {
            out.bits(keyframeSteps(f.x[s]), BitWriter.bitsFor(keyframeSteps((int) statics.width)));
            out.bits(keyframeSteps(f.y[s]), BitWriter.bitsFor(keyframeSteps((int) statics.height)));
        }
        out.bits(f.heading[s], 6);
        out.bit(f.alive[s]);
        out.bit(f.spawnProtected[s]);
        health(f.health[s], statics.maxHealth);
        out.bits(f.state[s], nameBits);
        boolean teamBehavior = f.behavior[s] == f.teamBehavior[f.team[s]];
        out.bit(teamBehavior);
        if (!teamBehavior) {
            out.bits(f.behavior[s], nameBits);
        }
        boolean scored = f.kills[s] != 0 || f.deaths[s] != 0;
        out.bit(scored);
        if (scored) {
            out.expGolomb(f.kills[s], 0);
            out.expGolomb(f.deaths[s], 0);
        }
        if (inDelta) {
            out.expGolomb(BitWriter.zigzag(f.vx[s]), 2);
            out.expGolomb(BitWriter.zigzag(f.vy[s]), 2);
        }
    }

    /** "0" and the value in fixed bits: below full health; "11": full; "10" and an exp-Golomb code: above it. */
    private void health(int health, long maxHealth) {
        if (health < maxHealth) {
            out.bit(false);
            out.bits(health, BitWriter.bitsFor(maxHealth - 1));
        } else {
            out.bit(true);
            out.bit(health == maxHealth);
            if (health > maxHealth) {
                out.expGolomb(health, 4);
            }
        }
    }

    /** An agent in both frames: its position residual, then what else changed. */
    private void changes(Frame b, Frame f, int s, int gap, Baseline baseline, int k, int nameBits) {
        out.expGolomb(BitWriter.zigzag(f.x[s] - predicted(b.x[s], b.vx[s], gap, baseline)), k);
        out.expGolomb(BitWriter.zigzag(f.y[s] - predicted(b.y[s], b.vy[s], gap, baseline)), k);
        boolean health = f.health[s] != b.health[s];
        boolean state = f.state[s] != b.state[s];
        boolean behavior = f.behavior[s] != b.behavior[s];
        boolean flags = f.alive[s] != b.alive[s] || f.spawnProtected[s] != b.spawnProtected[s];
        boolean stats = f.kills[s] != b.kills[s] || f.deaths[s] != b.deaths[s];
        boolean any = health || state || behavior || flags || stats;
        out.bit(any);
        if (!any) {
            return;
        }
        out.bit(health);
        out.bit(state);
        out.bit(behavior);
        out.bit(flags);
        out.bit(stats);
        if (health) {
            out.expGolomb(BitWriter.zigzag(f.health[s] - b.health[s]), 3);
        }
        if (state) {
            out.bits(f.state[s], nameBits);
        }
        if (behavior) {
            out.bits(f.behavior[s], nameBits);
        }
        if (flags) {
            out.bit(f.alive[s]);
            out.bit(f.spawnProtected[s]);
        }
        if (stats) {
            out.expGolomb(BitWriter.zigzag(f.kills[s] - b.kills[s]), 0);
            out.expGolomb(BitWriter.zigzag(f.deaths[s] - b.deaths[s]), 0);
        }
    }
}
