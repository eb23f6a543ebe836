package dev.agentarena.contracts.behavior;

import java.util.List;

/**
 * One rule of a behavior. Rules are tried in order; the first whose condition is true decides.
 *
 * @param name      identifier shown to players as the agent's current rule
 * @param condition CEL expression of type bool
 * @param steer     the blend of primitives applied while this rule decides
 */
public record Rule(String name, String condition, List<SteerEntry> steer) {
}
