package dev.agentarena.gateway.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.agentarena.contracts.messages.LlmCheck;

import java.util.List;

/**
 * What validation and the checks said about one draft.
 *
 * @param behavior    the document as JSON when it validated, else null
 * @param diagnostics the validator's findings (empty when valid)
 * @param checks      the checks it went through (empty when it did not validate)
 */
public record Verdict(JsonNode behavior, List<Diagnostic> diagnostics, List<LlmCheck> checks) {

    public Verdict {
        diagnostics = List.copyOf(diagnostics);
        checks = List.copyOf(checks);
    }

    public boolean valid() {
        return behavior != null;
    }

    /** Checks that ran and did not hold: these send a draft back for repair. */
    public List<LlmCheck> failedChecks() {
        return checks.stream().filter(check -> check.ran() && !check.ok()).toList();
    }

    /** Valid, with at least one check that ran and held, and none that ran and failed. */
    public boolean passed() {
        return valid() && failedChecks().isEmpty() && checks.stream().anyMatch(LlmCheck::ok);
    }

    public long notRun() {
        return checks.stream().filter(check -> !check.ran()).count();
    }
}
