package dev.agentarena.contracts.messages;

/**
 * Progress of an {@link LlmRequest}, in the order the copilot works; DONE and FAILED are final. Clients see
 * the lower-case name ({@code queued}, {@code reformulating}, …) as {@code llm_progress.stage}.
 */
public enum LlmStage {
    QUEUED,
    REFORMULATING,
    GENERATING,
    VALIDATING,
    CHECKING,
    REPAIRING,
    DONE,
    FAILED;

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
