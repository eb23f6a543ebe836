package dev.agentarena.engine.world;

import dev.agentarena.contracts.behavior.BuiltInBehaviors;
import dev.agentarena.engine.sim.DecisionPolicy;

import java.util.Optional;

/** Resolves a behavior id to the policy that runs it. */
public interface PolicyCatalog {

    Optional<DecisionPolicy> find(String behaviorId);

    /** What every team runs until assigned another behavior, and what stands in for a failing one. */
    default DecisionPolicy defaultPolicy() {
        return find(BuiltInBehaviors.DEFAULT).orElseThrow(() ->
                new IllegalStateException("the catalog has no '" + BuiltInBehaviors.DEFAULT + "' behavior"));
    }
}
