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
        id = Arrays.copyOf(id == null ? new long[0] : id, size);
        team = Arrays.copyOf(team == null ? new int[0] : team, size);
        used = Arrays.copyOf(used == null ? new boolean[0] : used, size);
        alive = Arrays.copyOf(alive == null ? new boolean[0] : alive, size);
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
        spawnTick = Arrays.copyOf(spawnTick == null ? new long[0] : spawnTick, size);
        cooldownUntil = Arrays.copyOf(cooldownUntil == null ? new long[0] : cooldownUntil, size);
        protectedUntil = Arrays.copyOf(protectedUntil == null ? new long[0] : protectedUntil, size);
        respawnAt = Arrays.copyOf(respawnAt == null ? new long[0] : respawnAt, size);
        kills = Arrays.copyOf(kills == null ? new int[0] : kills, size);
        deaths = Arrays.copyOf(deaths == null ? new int[0] : deaths, size);
        damageDealt = grow(damageDealt, size);
        damageTaken = grow(damageTaken, size);
        wanderAngle = grow(wanderAngle, size);
        homeX = grow(homeX, size);
        homeY = grow(homeY, size);
        patrolPhase = grow(patrolPhase, size);
        weights = grow(weights, size * Primitive.COUNT);
        targetKind = Arrays.copyOf(targetKind == null ? new int[0] : targetKind, size);
        targetSlot = Arrays.copyOf(targetSlot == null ? new int[0] : targetSlot, size);
        forceScale = grow(forceScale, size);
        label = Arrays.copyOf(label == null ? new String[0] : label, size);
        policy = Arrays.copyOf(policy == null ? new DecisionPolicy[0] : policy, size);
        policyId = Arrays.copyOf(policyId == null ? new String[0] : policyId, size);
    }

    private static double[] grow(double[] array, int size) {
        return Arrays.copyOf(array == null ? new double[0] : array, size);
    }
}
