package dev.agentarena.simulation.scenario;

import dev.agentarena.behavior.CompiledBehavior;
import dev.agentarena.simulation.AgentPlacement;

/**
 * One agent of a scenario: where it starts and what drives it, exactly one of a behavior id, an inline
 * behavior document (compiled), or waypoints in its placement (scripted).
 *
 * @param behaviorId a built-in or saved behavior's id; null when inline or scripted
 * @param inline     the agent's own behavior document, compiled; null when by id or scripted
 */
public record ScenarioAgent(String name, AgentPlacement placement, String behaviorId, CompiledBehavior inline) {

    public boolean scripted() {
        return placement.waypoints() != null;
    }
}
