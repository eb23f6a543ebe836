package dev.agentarena.gateway.check;

import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmExpectation;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Stands in for the scenario runner until it is wired in: says, for every scenario, that it was not run. */
@DefaultBean
@ApplicationScoped
public class UnwiredScenarioRuns implements ScenarioRunAdapter {

    static final String REASON = "not run: the scenario runner is not wired into the gateway yet";

    @Override
    public LlmCheck run(LlmExpectation expectation, String document) {
        return LlmCheck.notRun("scenario run: " + Situations.describe(expectation), Situations.describe(expectation.outcome()), REASON);
    }
}
