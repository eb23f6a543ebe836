package dev.agentarena.behavior;

/** The one validator every service uses: the engine before running, persistence before storing, the copilot before answering. */
public final class BehaviorValidator {

    private BehaviorValidator() {
    }

    /** Every problem of a JSON behavior document, or an ok report. Never throws on any input. */
    public static ValidationReport validate(String json) {
        return BehaviorCompiler.compile(json).report();
    }
}
