package dev.agentarena.simulation.scenario;

import dev.agentarena.behavior.CompiledBehavior;
import dev.agentarena.simulation.DecisionPolicy;

import java.util.Optional;

/** Where a scenario's behaviors come from: ids through a catalog, inline documents turned into policies. */
public interface ScenarioBehaviors {

    /** The policy of a built-in or saved behavior; empty when the id names none. */
    Optional<DecisionPolicy> find(String behaviorId);

    /** The policy that runs a compiled inline document. */
    DecisionPolicy policy(CompiledBehavior behavior);
}
