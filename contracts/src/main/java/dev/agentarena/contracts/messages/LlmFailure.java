package dev.agentarena.contracts.messages;

/** Why a copilot request FAILED; the engine forwards it as the WebSocket {@code error} code. */
public enum LlmFailure {
    /** The model (or the offline composer) produced no behavior that passed validation and its checks. */
    LLM_FAILED,
    /** The provider could not be reached: timeout, exhausted retries or an open circuit. */
    LLM_UNAVAILABLE,
    /** The asker is over their request rate or concurrency limit. */
    RATE_LIMITED
}
