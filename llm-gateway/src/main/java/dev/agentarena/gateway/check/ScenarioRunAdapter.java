package dev.agentarena.gateway.check;

import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmExpectation;

/**
 * Runs one expectation as a scenario (a short simulation from that situation, measuring e.g. whether the
 * distance to the enemy grows): {@link SimulatedScenarioRuns}. An interface so that tests of the flow can
 * stand in for it.
 */
public interface ScenarioRunAdapter {

    LlmCheck run(LlmExpectation expectation, String document);
}
