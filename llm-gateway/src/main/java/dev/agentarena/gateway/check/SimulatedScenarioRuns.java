package dev.agentarena.gateway.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmExpectation;
import dev.agentarena.simulation.policy.ScenarioPolicies;
import dev.agentarena.simulation.scenario.InvalidScenarioException;
import dev.agentarena.simulation.scenario.ScenarioResult;
import dev.agentarena.simulation.scenario.ScenarioRunner;
import dev.agentarena.simulation.scenario.Verdict;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Runs an expectation as a scenario with the simulation's {@link ScenarioRunner}: the situation set up by
 * {@link SituationScenario}, the draft on the agent under test, {@link SituationScenario#TICKS} ticks, and the
 * outcome judged on where the agent went. Deterministic (fixed seed) and bounded: a run over its CPU budget
 * is stopped and counts as failed. An outcome the scenario vocabulary cannot measure is reported as not run.
 */
@ApplicationScoped
public class SimulatedScenarioRuns implements ScenarioRunAdapter {

    /** CPU time one run may take; a handful of agents for two simulated seconds takes well under a millisecond. */
    static final long CPU_BUDGET_MS = 250;

    private final ScenarioRunner runner = new ScenarioRunner(ScenarioPolicies.builtIns(), CPU_BUDGET_MS);

    @Override
    public LlmCheck run(LlmExpectation expectation, String document) {
        String scenario = "scenario run: " + Situations.describe(expectation) + " (" + SituationScenario.TICKS / 60 + " s)";
        String expected = Situations.describe(expectation.outcome());
        Optional<JsonNode> setUp = SituationScenario.of(expectation, Json.tree(document));
        if (setUp.isEmpty()) {
            return LlmCheck.notRun(scenario, expected, "not run: a scenario cannot measure \"" + expected
                    + "\" in this situation; the one-think check decides it");
        }
        try {
            ScenarioResult result = runner.run(Json.write(setUp.get()));
            Verdict verdict = result.expectations().get(0);
            if (result.stopped() != null) {
                return new LlmCheck(scenario, expected, true, false, "stopped after " + result.ticks() + " ticks: " + result.stopped());
            }
            return new LlmCheck(scenario, expected, true, verdict.ok(), verdict.message());
        } catch (InvalidScenarioException e) {
            return LlmCheck.notRun(scenario, expected, "not run: the situation could not be set up (" + e.getMessage() + ")");
        }
    }
}
