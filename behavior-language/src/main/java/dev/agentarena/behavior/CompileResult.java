package dev.agentarena.behavior;

/** A compiled behavior and its validation report; {@code behavior} is null exactly when the report is not ok. */
public record CompileResult(CompiledBehavior behavior, ValidationReport report) {

    public boolean ok() {
        return report.ok();
    }
}
