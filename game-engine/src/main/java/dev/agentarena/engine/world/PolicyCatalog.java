package dev.agentarena.engine.world;

import dev.agentarena.engine.sim.DecisionPolicy;

import java.util.Optional;

/**
 * Resolves a behavior id to the policy that runs it. The engine's default knows the built-in decision only;
 * the behavior runtime replaces this bean with one that also knows compiled custom behaviors.
 */
public interface PolicyCatalog {

    Optional<DecisionPolicy> find(String behaviorId);
}
