package dev.agentarena.behavior;

/**
 * The outcome of one think: which rule decided and the weighted primitives to steer with until the next
 * think. Mutable and reusable (one per agent, or one per engine thread copied out), so deciding allocates
 * nothing here. Weights are finite and clamped to [{@link BehaviorLimits#MIN_WEIGHT}, {@link BehaviorLimits#MAX_WEIGHT}].
 */
public final class SteeringDecision {

    private int ruleIndex = -1;
    private String ruleName;
    private int count;
    private double forceScale = 1;
    private final Primitive[] primitives = new Primitive[BehaviorLimits.MAX_STEER_ENTRIES];
    private final Target[] targets = new Target[BehaviorLimits.MAX_STEER_ENTRIES];
    private final double[] weights = new double[BehaviorLimits.MAX_STEER_ENTRIES];

    /** Whether a rule's condition held; when none did, the decision is empty and the agent coasts. */
    public boolean matched() {
        return ruleIndex >= 0;
    }

    /** Index of the deciding rule in the document, or -1. */
    public int ruleIndex() {
        return ruleIndex;
    }

    /** Name of the deciding rule, or null. */
    public String ruleName() {
        return ruleName;
    }

    /** The most steering force the blend may use, in multiples of the agent's max force. */
    public double forceScale() {
        return forceScale;
    }

    /** The one target of the rule's targeted entries, or null when none is targeted. */
    public Target target() {
        for (int i = 0; i < count; i++) {
            if (targets[i] != null) {
                return targets[i];
            }
        }
        return null;
    }

    public int entryCount() {
        return count;
    }

    public Primitive primitive(int entry) {
        return primitives[entry];
    }

    /** The entry's target, or null for an untargeted primitive. */
    public Target target(int entry) {
        return targets[entry];
    }

    public double weight(int entry) {
        return weights[entry];
    }

    /** The summed weight of {@code primitive} over all entries (convenient for comparisons and tests). */
    public double weightOf(Primitive primitive) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (primitives[i] == primitive) {
                sum += weights[i];
            }
        }
        return sum;
    }

    public void copyFrom(SteeringDecision other) {
        ruleIndex = other.ruleIndex;
        ruleName = other.ruleName;
        count = other.count;
        forceScale = other.forceScale;
        System.arraycopy(other.primitives, 0, primitives, 0, count);
        System.arraycopy(other.targets, 0, targets, 0, count);
        System.arraycopy(other.weights, 0, weights, 0, count);
    }

    void clear() {
        rule(-1, null, 1);
    }

    void rule(int index, String name, double scale) {
        ruleIndex = index;
        ruleName = name;
        forceScale = scale;
        count = 0;
    }

    void add(Primitive primitive, Target target, double weight) {
        primitives[count] = primitive;
        targets[count] = target;
        weights[count] = weight;
        count++;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(matched() ? ruleName : "(no rule)").append(" x").append(forceScale).append(" [");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ", ").append(primitives[i].id());
            if (targets[i] != null) {
                text.append('(').append(targets[i].id()).append(')');
            }
            text.append('=').append(weights[i]);
        }
        return text.append(']').toString();
    }
}
