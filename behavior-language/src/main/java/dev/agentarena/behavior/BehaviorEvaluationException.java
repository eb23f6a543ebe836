package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
/**
 * A behavior failed at a think: its forceScale or a weight came out NaN or infinite. The engine falls back to
 * the team's default behavior for that agent; {@code path} points at the expression. Thrown without a stack
 * trace: a behavior may fail for thousands of agents a tick, and the path says all there is to say.
 */
public final class BehaviorEvaluationException extends RuntimeException {

    private final String path;
    private final DiagnosticCode code;

    public BehaviorEvaluationException(DiagnosticCode code, String path, String message) {
        super(message, null, false, false);
        this.code = code;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public DiagnosticCode code() {
        return code;
    }
}
