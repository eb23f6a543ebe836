package dev.agentarena.simulation;

/**
 * How an agent decides, at the think rate: from what it perceives to a blend of steering primitives.
 * Implementations are shared by every world and called from several loop threads at once, so they must keep
 * no mutable state of their own; they must not allocate or block. A policy that throws is replaced, for that
 * decision, by the agent's team's policy (or the world's default one), and the failure counted and reported —
 * a behavior never stops the world.
 */
@FunctionalInterface
public interface DecisionPolicy {

    /** Fills {@code plan} (already reset) from {@code perception}. */
    void decide(Perception perception, SteeringPlan plan);
}
