package dev.agentarena.engine.world;

import dev.agentarena.engine.sim.BuiltInDecision;
import dev.agentarena.engine.sim.DecisionPolicy;

import java.util.Optional;

/**
 * A catalog that knows only the Java decision ({@code builtin}), for worlds run without the behavior runtime
 * (tests, benchmarks). The engine itself uses the behavior runtime's catalog.
 */
public final class BuiltInPolicies implements PolicyCatalog {

    @Override
    public Optional<DecisionPolicy> find(String behaviorId) {
        return BuiltInDecision.ID.equals(behaviorId) ? Optional.of(BuiltInDecision.INSTANCE) : Optional.empty();
    }
}
