package dev.agentarena.engine.sim;

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
