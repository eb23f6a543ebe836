package dev.agentarena.gateway.check;

import dev.agentarena.behavior.BehaviorCompiler;
import dev.agentarena.behavior.CompileResult;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmDescription;
import dev.agentarena.contracts.messages.LlmExpectation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a description's expectations: each is decided once in its situation ({@link DecisionProbe},
 * run here) and run as a scenario by the {@link ScenarioRunAdapter}. A description without expectations
 * gets one failed check saying so, so that nothing passes unchecked.
 */
@ApplicationScoped
public class DerivedChecks implements BehaviorChecker {

    /** At most this many situations are checked per behavior. */
    static final int MAX_EXPECTATIONS = 4;

    private final ScenarioRunAdapter scenarios;

    public DerivedChecks(ScenarioRunAdapter scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public List<LlmCheck> checks(LlmDescription description, String document) {
        CompileResult compiled = BehaviorCompiler.compile(document);
        if (!compiled.ok()) {
            return List.of(new LlmCheck("compile", "the document validates", true, false, compiled.report().diagnostics().toString()));
        }
        if (description == null || description.expectations().isEmpty()) {
            return List.of(new LlmCheck("(none)", "the description names at least one situation to check", true, false,
                    "the description has no expectations"));
        }
        List<LlmCheck> checks = new ArrayList<>();
        for (LlmExpectation expectation : description.expectations().subList(0, Math.min(MAX_EXPECTATIONS, description.expectations().size()))) {
            checks.add(DecisionProbe.check(compiled.behavior(), expectation));
            checks.add(scenarios.run(expectation, document));
        }
        return checks;
    }
}
