package dev.agentarena.simulation.policy;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.simulation.DecisionPolicy;

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
