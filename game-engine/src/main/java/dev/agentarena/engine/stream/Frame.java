package dev.agentarena.engine.stream;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One snapshot as sent: a {@link WorldCopy} quantized to the documented precision (docs/protocol.md), indexed by
 * slot, plus the encodings made of it so far (one per baseline, shared by every client on that baseline).
 * Frames live in the serializer's ring and are reused when it wraps.
 */
final class Frame {

    /** World units per position step: positions travel as multiples of 1/4 unit. */
    static final int POSITION_STEPS_PER_UNIT = 4;
    /** Heading steps per turn in full records (64: 5.6 degrees). */
    static final int HEADING_STEPS = 64;

    int seq;
    int staticVersion;
    int nameCount;
    long tick;
    boolean running;
    int round;
    /** Tenths of a second left in the round plus one; 0 when rounds have no time limit. */
    long roundTimeLeft;
    long capturedAtMillis;

    int teamCount;
    final int[] teamAgents = new int[8];
    final int[] teamAlive = new int[8];
    final int[] teamKills = new int[8];
    final int[] teamDeaths = new int[8];
    final long[] teamDamage = new long[8];
    final int[] roundsWon = new int[8];
    final int[] teamBehavior = new int[8];

    int slots;
    boolean[] used = new boolean[0];
    long[] id = new long[0];
    int[] team = new int[0];
    int[] x = new int[0];
    int[] y = new int[0];
    /** Displacement since the previous frame, in position steps (0 unless the agent was alive in both). */
    int[] vx = new int[0];
    int[] vy = new int[0];
    int[] heading = new int[0];
    int[] health = new int[0];
    int[] state = new int[0];
    int[] behavior = new int[0];
    boolean[] alive = new boolean[0];
    boolean[] spawnProtected = new boolean[0];
    int[] kills = new int[0];
    int[] deaths = new int[0];

    final Deaths died = new Deaths();
    final Rounds rounds = new Rounds();

    /** Encodings of this frame by baseline key (see {@link BinarySerializer}). */
    final Map<Long, Buffer> encodings = new HashMap<>();

    /**
     * Quantizes {@code copy} into this frame. {@code previous} is the frame before it (or null): displacements
     * are measured from it. Returns false when {@code names} is full (the caller starts a new static version).
     */
    boolean quantize(WorldCopy copy, int seq, int staticVersion, Frame previous, NameTable names) {
        this.seq = seq;
        this.staticVersion = staticVersion;
        encodings.clear();
        tick = copy.tick;
        running = copy.running;
        round = copy.round;
        roundTimeLeft = Double.isInfinite(copy.roundTimeLeft) ? 0 : Math.round(copy.roundTimeLeft * 10) + 1;
        capturedAtMillis = copy.capturedAtMillis;
        teamCount = copy.teamCount;
        for (int t = 0; t < teamCount; t++) {
            teamAgents[t] = copy.teamAgents[t];
            teamAlive[t] = copy.teamAlive[t];
            teamKills[t] = copy.teamKills[t];
            teamDeaths[t] = copy.teamDeaths[t];
            teamDamage[t] = Math.round(copy.teamDamage[t]);
            roundsWon[t] = copy.roundsWon[t];
            teamBehavior[t] = names.indexOf(copy.teamBehavior[t]);
            if (teamBehavior[t] < 0) {
                return false;
            }
        }
        if (!quantizeAgents(copy, previous != null && previous.seq == seq - 1
                && previous.staticVersion == staticVersion ? previous : null, names)) {
            return false;
        }
        died.copyFrom(copy.died);
        rounds.copyFrom(copy.rounds);
        nameCount = names.size();
        return true;
    }

    private boolean quantizeAgents(WorldCopy copy, Frame previous, NameTable names) {
        long width = Math.round(copy.config.worldWidth() * POSITION_STEPS_PER_UNIT);
        long height = Math.round(copy.config.worldHeight() * POSITION_STEPS_PER_UNIT);
        slots = copy.slots;
        if (used.length < slots) {
            grow(Math.max(slots, used.length * 2));
        }
        for (int s = 0; s < slots; s++) {
            used[s] = copy.used[s];
            if (!used[s]) {
                continue;
            }
            id[s] = copy.id[s];
            team[s] = copy.team[s];
            x[s] = steps(copy.x[s], width);
            y[s] = steps(copy.y[s], height);
            alive[s] = copy.alive[s];
            boolean moved = previous != null && s < previous.slots && previous.used[s] && previous.id[s] == id[s]
                    && previous.alive[s] && alive[s];
            vx[s] = moved ? x[s] - previous.x[s] : 0;
            vy[s] = moved ? y[s] - previous.y[s] : 0;
            double vxs = copy.vx[s];
            double vys = copy.vy[s];
            double angle = vxs != 0 || vys != 0 ? Math.atan2(vys, vxs) : copy.heading[s];
            heading[s] = Math.floorMod((int) Math.round(angle / (2 * Math.PI) * HEADING_STEPS), HEADING_STEPS);
            health[s] = (int) Math.max(0, Math.round(copy.health[s]));
            state[s] = names.indexOf(copy.state[s]);
            behavior[s] = names.indexOf(copy.behavior[s]);
            if (state[s] < 0 || behavior[s] < 0) {
                return false;
            }
            spawnProtected[s] = copy.spawnProtected[s];
            kills[s] = copy.kills[s];
            deaths[s] = copy.deaths[s];
        }
        return true;
    }

    /** A coordinate in position steps, inside the world's bounds (so that it fits the keyframe's fixed width). */
    private static int steps(double units, long max) {
        return (int) Math.max(0, Math.min(max, Math.round(units * POSITION_STEPS_PER_UNIT)));
    }

    private void grow(int size) {
        used = Arrays.copyOf(used, size);
        id = Arrays.copyOf(id, size);
        team = Arrays.copyOf(team, size);
        x = Arrays.copyOf(x, size);
        y = Arrays.copyOf(y, size);
        vx = Arrays.copyOf(vx, size);
        vy = Arrays.copyOf(vy, size);
        heading = Arrays.copyOf(heading, size);
        health = Arrays.copyOf(health, size);
        state = Arrays.copyOf(state, size);
        behavior = Arrays.copyOf(behavior, size);
        alive = Arrays.copyOf(alive, size);
        spawnProtected = Arrays.copyOf(spawnProtected, size);
        kills = Arrays.copyOf(kills, size);
        deaths = Arrays.copyOf(deaths, size);
    }
}
