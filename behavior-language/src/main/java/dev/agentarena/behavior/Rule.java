package dev.agentarena.behavior;

import java.util.List;

/**
 * One rule of a behavior. Rules are tried in order; the first whose condition is true decides.
 *
 * @param name      identifier shown to players as the agent's current rule
 * @param condition CEL expression of type bool
 * @param forceScale CEL expression: the most steering force the blend may use, in multiples of the agent's max
 *                   force, in [{@link BehaviorLimits#MIN_FORCE_SCALE}, {@link BehaviorLimits#MAX_FORCE_SCALE}]; absent means 1.0
 * @param steer     the blend of primitives applied while this rule decides; every targeted entry shares one target
 */
public record Rule(String name, String condition, String forceScale, List<SteerEntry> steer) {

    public static final String DEFAULT_FORCE_SCALE = "1.0";

    public String forceScaleOrDefault() {
        return forceScale == null ? DEFAULT_FORCE_SCALE : forceScale;
    }
}
