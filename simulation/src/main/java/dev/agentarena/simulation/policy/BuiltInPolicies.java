package dev.agentarena.simulation.policy;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.policy.PolicyCatalog;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The behaviors shipped with the game ({@link BuiltInBehaviors#IDS}), each compiled once into a policy. On its
 * own it is the catalog of worlds run without saved behaviors (tests, benchmarks); {@link BehaviorCatalog}
 * adds the users' behaviors to it.
 */
public final class BuiltInPolicies implements PolicyCatalog {

    private static final Map<String, DecisionPolicy> POLICIES = BuiltInBehaviors.IDS.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    id -> new BehaviorPolicy(BuiltInBehaviors.compiled(id))));

    @Override
    public Optional<DecisionPolicy> find(String behaviorId) {
        return Optional.ofNullable(behaviorId).map(POLICIES::get);
    }
}
