package dev.agentarena.contracts.messages;

/** Progress of an {@link LlmRequest}; DONE and FAILED are final. */
public enum LlmStage {
    QUEUED,
    THINKING,
    VALIDATING,
    REPAIRING,
    DONE,
    FAILED;

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
