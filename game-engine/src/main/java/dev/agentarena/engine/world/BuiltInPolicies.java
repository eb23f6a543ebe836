package dev.agentarena.engine.world;

import dev.agentarena.engine.sim.BuiltInDecision;
import dev.agentarena.engine.sim.DecisionPolicy;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The policy catalog until custom behaviors exist: only {@code builtin}. */
@ApplicationScoped
@DefaultBean
public class BuiltInPolicies implements PolicyCatalog {

    @Override
    public Optional<DecisionPolicy> find(String behaviorId) {
        return BuiltInDecision.ID.equals(behaviorId) ? Optional.of(BuiltInDecision.INSTANCE) : Optional.empty();
    }
}
