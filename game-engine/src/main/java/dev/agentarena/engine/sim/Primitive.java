package dev.agentarena.engine.sim;

/**
 * The steering primitives a decision blends. {@link #ATTACK} does not steer: a positive weight lets the agent
 * strike its target when in range. {@link #HOLD} brakes; {@link #PATROL} circles the agent's spawn point.
 */
public enum Primitive {
    SEEK, FLEE, ARRIVE, PURSUE, EVADE, WANDER, SEPARATION, ALIGNMENT, COHESION, AVOID_WALLS, ATTACK, HOLD, PATROL;

    static final Primitive[] ALL = values();
    public static final int COUNT = ALL.length;
}
