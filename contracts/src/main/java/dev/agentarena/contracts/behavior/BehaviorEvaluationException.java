package dev.agentarena.contracts.behavior;

/**
 * A behavior failed at a think: its forceScale or a weight came out NaN or infinite. The engine falls back to
 * the team's default behavior for that agent; {@code path} points at the expression. Thrown without a stack
 * trace: a behavior may fail for thousands of agents a tick, and the path says all there is to say.
 */
public final class BehaviorEvaluationException extends RuntimeException {

    private final String path;
    private final ErrorCode code;

    public BehaviorEvaluationException(ErrorCode code, String path, String message) {
        super(message, null, false, false);
        this.code = code;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public ErrorCode code() {
        return code;
    }
}
