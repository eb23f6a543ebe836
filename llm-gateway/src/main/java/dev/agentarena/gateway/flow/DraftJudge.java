package dev.agentarena.gateway.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.behavior.BehaviorValidator;
import dev.agentarena.behavior.ValidationReport;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.gateway.check.BehaviorChecker;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The one validate-then-check path every draft takes, a model's or the offline composer's: the engine's own
 * {@link BehaviorValidator} (with its dry run), then the {@link BehaviorChecker}.
 */
@ApplicationScoped
public class DraftJudge {

    private final BehaviorChecker checker;

    public DraftJudge(BehaviorChecker checker) {
        this.checker = checker;
    }

    /** @param onValidating called before validation, {@code onChecking} before the checks (progress events) */
    public Verdict judge(Draft draft, Runnable onValidating, Runnable onChecking) {
        onValidating.run();
        ValidationReport report = BehaviorValidator.validate(draft.document());
        if (!report.ok()) {
            return new Verdict(null, report.diagnostics(), List.of());
        }
        JsonNode behavior = Json.tree(draft.document());
        onChecking.run();
        return new Verdict(behavior, List.of(), checker.checks(draft.description(), draft.document()));
    }
}
