package dev.agentarena.simulation.policy;

import dev.agentarena.behavior.CompiledBehavior;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.scenario.ScenarioBehaviors;
import dev.agentarena.simulation.policy.PolicyCatalog;

import java.util.Optional;

/** A scenario's behaviors: ids through a {@link PolicyCatalog}, inline documents as {@link BehaviorPolicy}s. */
public final class ScenarioPolicies implements ScenarioBehaviors {

    private final PolicyCatalog catalog;

    public ScenarioPolicies(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    /** The built-in behaviors only: tests, benchmarks, and scenarios that name no saved behavior. */
    public static ScenarioPolicies builtIns() {
        return new ScenarioPolicies(new BuiltInPolicies());
    }

    @Override
    public Optional<DecisionPolicy> find(String behaviorId) {
        return catalog.find(behaviorId);
    }

    @Override
    public DecisionPolicy policy(CompiledBehavior behavior) {
        return new BehaviorPolicy(behavior);
    }
}
