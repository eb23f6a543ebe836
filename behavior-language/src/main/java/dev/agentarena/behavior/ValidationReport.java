package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.Diagnostic;
import java.util.List;

/** Outcome of validating a behavior: ok exactly when there is no diagnostic. */
public record ValidationReport(boolean ok, List<Diagnostic> diagnostics) {

    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public static ValidationReport of(List<Diagnostic> diagnostics) {
        return new ValidationReport(diagnostics.isEmpty(), diagnostics);
    }
}
