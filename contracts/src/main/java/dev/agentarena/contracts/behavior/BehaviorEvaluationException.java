package dev.agentarena.contracts.behavior;

/**
 * A behavior failed at a think: an expression failed to evaluate or produced a non-finite weight. The engine
 * falls back to the team's default behavior for that agent; {@code path} points at the expression when known.
 */
public final class BehaviorEvaluationException extends RuntimeException {

    private final String path;
    private final ErrorCode code;

    public BehaviorEvaluationException(ErrorCode code, String path, String message, Throwable cause) {
        super(message, cause);
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
