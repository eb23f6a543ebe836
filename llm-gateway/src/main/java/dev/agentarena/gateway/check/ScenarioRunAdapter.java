package dev.agentarena.gateway.check;

import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmExpectation;

/**
 * Runs one expectation as a scenario (a short simulation from that situation, measuring e.g. whether the
 * distance to the enemy grows). The lead wires this to the simulation module's {@code ScenarioRunner};
 * until then {@link UnwiredScenarioRuns} reports every scenario as not run.
 */
public interface ScenarioRunAdapter {

    LlmCheck run(LlmExpectation expectation, String document);
}
