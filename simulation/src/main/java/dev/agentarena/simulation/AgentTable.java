package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
import dev.agentarena.simulation.state.StateReader;
import dev.agentarena.simulation.state.StateWriter;
import dev.agentarena.simulation.state.WorldStateException;

import java.util.Arrays;

/**
 * The agents of one world as parallel arrays (struct of arrays), indexed by slot. A slot keeps its agent
 * through death and respawn; a removed agent's slot goes back to a free list. Arrays grow by doubling when
 * agents are added, never during a tick.
 */
final class AgentTable {

    int capacity;
    /** Slots in use are below this mark. */
    int slots;
    private int[] free = new int[0];
    private int freeCount;

    long[] id;
    int[] team;
    boolean[] used;
    boolean[] alive;
    double[] x;
    double[] y;
    double[] vx;
    double[] vy;
    /** Steering acceleration of this tick. */
    double[] ax;
    double[] ay;
    /** Soft-separation push of this tick, added after the speed limit. */
    double[] pushX;
    double[] pushY;
    double[] heading;
    double[] maxSpeed;
    double[] damage;
    double[] health;
    long[] spawnTick;
    long[] cooldownUntil;
    long[] protectedUntil;
    long[] respawnAt;
    int[] kills;
    int[] deaths;
    double[] damageDealt;
    double[] damageTaken;
    /** The current round's share of the stats above (reset when a round starts), for its match result. */
    int[] roundKills;
    int[] roundDeaths;
    double[] roundDamageDealt;
    double[] roundDamageTaken;
    /** Ticks alive in the current round over the agent's lives that ended in it (the current life not yet counted). */
    long[] roundAliveTicks;
    double[] wanderAngle;
    double[] homeX;
    double[] homeY;
    double[] patrolPhase;
    /** Weights of the current plan, {@link Primitive#COUNT} per slot. */
    double[] weights;
    int[] targetKind;
    /** The slot the targeted primitives aim at, or -1. */
    int[] targetSlot;
    double[] forceScale;
    String[] label;
    /** Per-agent policy override (null: the team's). */
    DecisionPolicy[] policy;
    String[] policyId;
    /** A scripted agent's waypoints as x, y pairs (null: the agent runs a behavior). */
    double[][] waypoints;
    /** The waypoint a scripted agent is heading for. */
    int[] waypoint;
    /** Whether a scripted agent starts over after its last waypoint (else it holds there). */
    boolean[] loopWaypoints;

    AgentTable(int initialCapacity) {
        capacity = 0;
        resize(Math.max(16, initialCapacity));
    }

    /** A slot for a new agent: a freed one, else the next one (growing the arrays if needed). */
    int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (slots == capacity) {
            resize(capacity * 2);
        }
        return slots++;
    }

    void release(int slot) {
        used[slot] = false;
        alive[slot] = false;
        policy[slot] = null;
        policyId[slot] = null;
        waypoints[slot] = null;
        if (free.length == freeCount) {
            free = Arrays.copyOf(free, Math.max(16, free.length * 2));
        }
        free[freeCount++] = slot;
    }

    int weightIndex(int slot, Primitive primitive) {
        return slot * Primitive.COUNT + primitive.ordinal();
    }

    private void resize(int size) {
        capacity = size;
        id = grow(id, size);
        team = grow(team, size);
        used = grow(used, size);
        alive = grow(alive, size);
        x = grow(x, size);
        y = grow(y, size);
        vx = grow(vx, size);
        vy = grow(vy, size);
        ax = grow(ax, size);
        ay = grow(ay, size);
        pushX = grow(pushX, size);
        pushY = grow(pushY, size);
        heading = grow(heading, size);
        maxSpeed = grow(maxSpeed, size);
        damage = grow(damage, size);
        health = grow(health, size);
        spawnTick = grow(spawnTick, size);
        cooldownUntil = grow(cooldownUntil, size);
        protectedUntil = grow(protectedUntil, size);
        respawnAt = grow(respawnAt, size);
        kills = grow(kills, size);
        deaths = grow(deaths, size);
        damageDealt = grow(damageDealt, size);
        damageTaken = grow(damageTaken, size);
        roundKills = grow(roundKills, size);
        roundDeaths = grow(roundDeaths, size);
        roundDamageDealt = grow(roundDamageDealt, size);
        roundDamageTaken = grow(roundDamageTaken, size);
        roundAliveTicks = grow(roundAliveTicks, size);
        wanderAngle = grow(wanderAngle, size);
        homeX = grow(homeX, size);
        homeY = grow(homeY, size);
        patrolPhase = grow(patrolPhase, size);
        weights = grow(weights, size * Primitive.COUNT);
        targetKind = grow(targetKind, size);
        targetSlot = grow(targetSlot, size);
        forceScale = grow(forceScale, size);
        label = Arrays.copyOf(label == null ? new String[0] : label, size);
        policy = Arrays.copyOf(policy == null ? new DecisionPolicy[0] : policy, size);
        policyId = Arrays.copyOf(policyId == null ? new String[0] : policyId, size);
        waypoints = Arrays.copyOf(waypoints == null ? new double[0][] : waypoints, size);
        waypoint = grow(waypoint, size);
        loopWaypoints = grow(loopWaypoints, size);
    }

    /**
     * Writes the slots, each used one with everything that lasts beyond a tick (not this tick's forces, which
     * the next tick recomputes before using them), and the free list in order. Policies are written as their
     * ids; {@link #read} leaves {@link #policy} for the caller to resolve.
     */
    void write(StateWriter out) {
        out.writeInt(slots);
        for (int i = 0; i < slots; i++) {
            out.writeBoolean(used[i]);
            if (!used[i]) {
                continue;
            }
            out.writeLong(id[i]).writeInt(team[i]).writeBoolean(alive[i]);
            out.writeDouble(x[i]).writeDouble(y[i]).writeDouble(vx[i]).writeDouble(vy[i]).writeDouble(heading[i]);
            out.writeDouble(maxSpeed[i]).writeDouble(damage[i]).writeDouble(health[i]);
            out.writeLong(spawnTick[i]).writeLong(cooldownUntil[i]).writeLong(protectedUntil[i]).writeLong(respawnAt[i]);
            out.writeInt(kills[i]).writeInt(deaths[i]).writeDouble(damageDealt[i]).writeDouble(damageTaken[i]);
            out.writeInt(roundKills[i]).writeInt(roundDeaths[i]).writeDouble(roundDamageDealt[i])
                    .writeDouble(roundDamageTaken[i]).writeLong(roundAliveTicks[i]);
            out.writeDouble(wanderAngle[i]).writeDouble(homeX[i]).writeDouble(homeY[i]).writeDouble(patrolPhase[i]);
            for (int k = i * Primitive.COUNT; k < (i + 1) * Primitive.COUNT; k++) {
                out.writeDouble(weights[k]);
            }
            out.writeInt(targetKind[i]).writeInt(targetSlot[i]).writeDouble(forceScale[i]);
            out.writeString(label[i]).writeString(policyId[i]);
            out.writeDoubles(waypoints[i]).writeInt(waypoint[i]).writeBoolean(loopWaypoints[i]);
        }
        out.writeInt(freeCount);
        for (int k = 0; k < freeCount; k++) {
            out.writeInt(free[k]);
        }
    }

    /**
     * Makes this table (a capture's) hold what {@link #write} would write of {@code source}: the columns it
     * writes, copied column by column up to {@code source.slots}, and the free list. A column-wise copy streams
     * through memory, where {@link #write} visits some 50 arrays per slot. Labels and behavior ids are immutable
     * strings and a slot's waypoints are never changed after they are set (a new placement sets a new array), so
     * those are shared by reference.
     */
    void copyFrom(AgentTable source) {
        int n = source.slots;
        if (capacity < n) {
            resize(source.capacity);
        }
        slots = n;
        System.arraycopy(source.id, 0, id, 0, n);
        System.arraycopy(source.team, 0, team, 0, n);
        System.arraycopy(source.used, 0, used, 0, n);
        System.arraycopy(source.alive, 0, alive, 0, n);
        System.arraycopy(source.x, 0, x, 0, n);
        System.arraycopy(source.y, 0, y, 0, n);
        System.arraycopy(source.vx, 0, vx, 0, n);
        System.arraycopy(source.vy, 0, vy, 0, n);
        System.arraycopy(source.heading, 0, heading, 0, n);
        System.arraycopy(source.maxSpeed, 0, maxSpeed, 0, n);
        System.arraycopy(source.damage, 0, damage, 0, n);
        System.arraycopy(source.health, 0, health, 0, n);
        System.arraycopy(source.spawnTick, 0, spawnTick, 0, n);
        System.arraycopy(source.cooldownUntil, 0, cooldownUntil, 0, n);
        System.arraycopy(source.protectedUntil, 0, protectedUntil, 0, n);
        System.arraycopy(source.respawnAt, 0, respawnAt, 0, n);
        System.arraycopy(source.kills, 0, kills, 0, n);
        System.arraycopy(source.deaths, 0, deaths, 0, n);
        System.arraycopy(source.damageDealt, 0, damageDealt, 0, n);
        System.arraycopy(source.damageTaken, 0, damageTaken, 0, n);
        System.arraycopy(source.roundKills, 0, roundKills, 0, n);
        System.arraycopy(source.roundDeaths, 0, roundDeaths, 0, n);
        System.arraycopy(source.roundDamageDealt, 0, roundDamageDealt, 0, n);
        System.arraycopy(source.roundDamageTaken, 0, roundDamageTaken, 0, n);
        System.arraycopy(source.roundAliveTicks, 0, roundAliveTicks, 0, n);
        System.arraycopy(source.wanderAngle, 0, wanderAngle, 0, n);
        System.arraycopy(source.homeX, 0, homeX, 0, n);
        System.arraycopy(source.homeY, 0, homeY, 0, n);
        System.arraycopy(source.patrolPhase, 0, patrolPhase, 0, n);
        System.arraycopy(source.weights, 0, weights, 0, n * Primitive.COUNT);
        System.arraycopy(source.targetKind, 0, targetKind, 0, n);
        System.arraycopy(source.targetSlot, 0, targetSlot, 0, n);
        System.arraycopy(source.forceScale, 0, forceScale, 0, n);
        System.arraycopy(source.label, 0, label, 0, n);
        System.arraycopy(source.policyId, 0, policyId, 0, n);
        System.arraycopy(source.waypoints, 0, waypoints, 0, n);
        System.arraycopy(source.waypoint, 0, waypoint, 0, n);
        System.arraycopy(source.loopWaypoints, 0, loopWaypoints, 0, n);
        if (free.length < source.freeCount) {
            free = new int[source.free.length];
        }
        freeCount = source.freeCount;
        System.arraycopy(source.free, 0, free, 0, freeCount);
    }

    /** Reads what {@link #write} wrote into this (empty) table, checking every index it will use. */
    void read(StateReader in, int teamCount) {
        int count = in.readCount(1);
        if (count > capacity) {
            resize(Math.max(count, 2 * capacity));
        }
        slots = count;
        for (int i = 0; i < count; i++) {
            used[i] = in.readBoolean();
            if (!used[i]) {
                continue;
            }
            id[i] = in.readLong();
            team[i] = in.readInt();
            check(team[i] >= 0 && team[i] < teamCount, i, "team " + team[i]);
            alive[i] = in.readBoolean();
            x[i] = in.readDouble();
            y[i] = in.readDouble();
            vx[i] = in.readDouble();
            vy[i] = in.readDouble();
            heading[i] = in.readDouble();
            maxSpeed[i] = in.readDouble();
            damage[i] = in.readDouble();
            health[i] = in.readDouble();
            spawnTick[i] = in.readLong();
            cooldownUntil[i] = in.readLong();
            protectedUntil[i] = in.readLong();
            respawnAt[i] = in.readLong();
            kills[i] = in.readInt();
            deaths[i] = in.readInt();
            damageDealt[i] = in.readDouble();
            damageTaken[i] = in.readDouble();
            roundKills[i] = in.readInt();
            roundDeaths[i] = in.readInt();
            roundDamageDealt[i] = in.readDouble();
            roundDamageTaken[i] = in.readDouble();
            roundAliveTicks[i] = in.readLong();
            wanderAngle[i] = in.readDouble();
            homeX[i] = in.readDouble();
            homeY[i] = in.readDouble();
            patrolPhase[i] = in.readDouble();
            for (int k = i * Primitive.COUNT; k < (i + 1) * Primitive.COUNT; k++) {
                weights[k] = in.readDouble();
            }
            targetKind[i] = in.readInt();
            targetSlot[i] = in.readInt();
            check(targetKind[i] >= 0 && targetKind[i] < TargetKind.ALL.length, i, "target kind " + targetKind[i]);
            check(targetSlot[i] >= -1 && targetSlot[i] < count, i, "target slot " + targetSlot[i]);
            forceScale[i] = in.readDouble();
            label[i] = in.readString();
            policyId[i] = in.readString();
            waypoints[i] = in.readDoubles();
            waypoint[i] = in.readInt();
            loopWaypoints[i] = in.readBoolean();
            check(waypoints[i] == null || waypoints[i].length >= 2 && waypoints[i].length % 2 == 0
                    && waypoint[i] >= 0 && waypoint[i] < waypoints[i].length / 2, i, "waypoints");
        }
        freeCount = in.readCount(4);
        free = new int[Math.max(16, freeCount)];
        for (int k = 0; k < freeCount; k++) {
            free[k] = in.readInt();
            check(free[k] >= 0 && free[k] < count && !used[free[k]], free[k], "free slot");
        }
    }

    /** Starts the slot's round stats over (a new round, or a new agent). */
    void clearRoundStats(int slot) {
        roundKills[slot] = 0;
        roundDeaths[slot] = 0;
        roundDamageDealt[slot] = 0;
        roundDamageTaken[slot] = 0;
        roundAliveTicks[slot] = 0;
    }

    private static void check(boolean valid, int slot, String what) {
        if (!valid) {
            throw new WorldStateException(WorldStateException.Reason.MALFORMED, "slot " + slot + ": invalid " + what);
        }
    }

    private static double[] grow(double[] array, int size) {
        return Arrays.copyOf(array == null ? new double[0] : array, size);
    }

    private static long[] grow(long[] array, int size) {
        return Arrays.copyOf(array == null ? new long[0] : array, size);
    }

    private static int[] grow(int[] array, int size) {
        return Arrays.copyOf(array == null ? new int[0] : array, size);
    }

    private static boolean[] grow(boolean[] array, int size) {
        return Arrays.copyOf(array == null ? new boolean[0] : array, size);
    }
}
