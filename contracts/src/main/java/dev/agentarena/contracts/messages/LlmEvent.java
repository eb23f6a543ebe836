package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.behavior.Diagnostic;

import java.time.Instant;
import java.util.List;

/**
 * Progress or final answer of an {@link LlmRequest}, keyed on Kafka by {@code requestId}. Progress events
 * carry {@code stage}, {@code attempt} and {@code text}; DONE adds the answer's fields, FAILED its
 * {@code failure} and the last attempt's {@code diagnostics}. Fields a stage does not use are null (lists
 * empty). Every text is plain text, never markup.
 *
 * @param attempt     1 for the first generation, 2 and 3 for repairs; 0 where it does not apply
 * @param text        the answer (final stages) or a progress note
 * @param behavior    DONE: the validated behavior document, or null for a pure answer (a question, a refusal)
 * @param description DONE: the request restated in three parts with its check situations; null if none
 * @param checks      DONE: the checks the behavior went through
 * @param provider    which provider answered, e.g. {@code offline}, {@code openai}
 * @param model       the model that answered, or null for the offline composer
 * @param offline     true when no real model answered: clients must label such answers
 * @param tokens      model tokens used so far
 * @param failure     FAILED: why
 * @param diagnostics FAILED: the validator diagnostics of the last attempt (empty when it never got that far)
 */
public record LlmEvent(
        int schema,
        String requestId,
        LlmStage stage,
        int attempt,
        String text,
        JsonNode behavior,
        LlmDescription description,
        List<LlmCheck> checks,
        String provider,
        String model,
        boolean offline,
        LlmTokens tokens,
        LlmFailure failure,
        List<Diagnostic> diagnostics,
        Instant at) implements VersionedMessage {

    public LlmEvent {
        // JSON null reads back as a NullNode; keep "no behavior" a plain null on both sides of Kafka
        behavior = behavior == null || behavior.isNull() ? null : behavior;
        checks = checks == null ? List.of() : List.copyOf(checks);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        tokens = tokens == null ? LlmTokens.NONE : tokens;
    }

    /** A bare event (the engine's own timeouts and send failures use it, FAILED then meaning LLM_FAILED). */
    public static LlmEvent of(String requestId, LlmStage stage, String text, String provider, boolean offline) {
        return progress(requestId, stage, 0, text, provider, null, offline, LlmTokens.NONE);
    }

    public static LlmEvent progress(String requestId, LlmStage stage, int attempt, String text, String provider,
                                    String model, boolean offline, LlmTokens tokens) {
        return new LlmEvent(MessageSchema.CURRENT, requestId, stage, attempt, text, null, null, List.of(), provider,
                model, offline, tokens, stage == LlmStage.FAILED ? LlmFailure.LLM_FAILED : null, List.of(), Instant.now());
    }

    public static LlmEvent answer(String requestId, int attempt, String text, JsonNode behavior, LlmDescription description,
                                  List<LlmCheck> checks, String provider, String model, boolean offline, LlmTokens tokens) {
        return new LlmEvent(MessageSchema.CURRENT, requestId, LlmStage.DONE, attempt, text, behavior, description, checks,
                provider, model, offline, tokens, null, List.of(), Instant.now());
    }

    public static LlmEvent failure(String requestId, int attempt, LlmFailure failure, String text, List<Diagnostic> diagnostics,
                                   List<LlmCheck> checks, String provider, String model, boolean offline, LlmTokens tokens) {
        return new LlmEvent(MessageSchema.CURRENT, requestId, LlmStage.FAILED, attempt, text, null, null, checks,
                provider, model, offline, tokens, failure, diagnostics, Instant.now());
    }
}
