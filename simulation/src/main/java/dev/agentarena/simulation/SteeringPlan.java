package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
import java.util.Arrays;

/**
 * What a {@link DecisionPolicy} decides for one agent until its next think: a weight per primitive, the target
 * the targeted primitives aim at, a multiplier of the agent's max force, and a state label shown to clients.
 * One instance is reused for every decision (no allocation per think); the simulation copies it out.
 */
public final class SteeringPlan {

    private final double[] weights = new double[Primitive.COUNT];
    private TargetKind target = TargetKind.NONE;
    private double forceScale = 1;
    private String label = "IDLE";

    /** Clears to "no steering, no target, scale 1", as handed to every decision. */
    public SteeringPlan reset() {
        Arrays.fill(weights, 0);
        target = TargetKind.NONE;
        forceScale = 1;
        label = "IDLE";
        return this;
    }

    /** Sets one weight; values outside [0, 1] or not finite are clamped (NaN becomes 0). */
    public SteeringPlan weight(Primitive primitive, double weight) {
        weights[primitive.ordinal()] = weight > 0 ? Math.min(weight, 1) : 0;
        return this;
    }

    public double weight(Primitive primitive) {
        return weights[primitive.ordinal()];
    }

    public SteeringPlan target(TargetKind kind) {
        target = kind;
        return this;
    }

    public TargetKind target() {
        return target;
    }

    /** Multiplies the agent's max force for this plan; clamped to [0, 2]. */
    public SteeringPlan forceScale(double scale) {
        forceScale = scale > 0 ? Math.min(scale, 2) : 0;
        return this;
    }

    public double forceScale() {
        return forceScale;
    }

    /** A short state name for clients (use constants: the loop must not allocate). */
    public SteeringPlan label(String name) {
        label = name;
        return this;
    }

    public String label() {
        return label;
    }

    void copyWeightsTo(double[] out, int offset) {
        System.arraycopy(weights, 0, out, offset, Primitive.COUNT);
    }
}
