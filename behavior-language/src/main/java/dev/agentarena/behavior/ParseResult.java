package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.Diagnostic;
import java.util.List;

/** A parsed document, or why it could not be read. {@code document} is null exactly when a diagnostic is present. */
public record ParseResult(BehaviorDocument document, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
