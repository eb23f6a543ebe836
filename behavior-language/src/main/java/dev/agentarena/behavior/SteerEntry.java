package dev.agentarena.behavior;

/**
 * One primitive of a rule's blend.
 *
 * @param primitive the steering primitive
 * @param target    what it steers relative to; required by targeted primitives, absent otherwise
 * @param weight    CEL expression giving a number in [{@link BehaviorLimits#MIN_WEIGHT}, {@link BehaviorLimits#MAX_WEIGHT}];
 *                  a JSON number is accepted as a constant expression; absent means 1.0
 */
public record SteerEntry(Primitive primitive, Target target, String weight) {

    public static final String DEFAULT_WEIGHT = "1.0";

    public String weightOrDefault() {
        return weight == null ? DEFAULT_WEIGHT : weight;
    }
}
