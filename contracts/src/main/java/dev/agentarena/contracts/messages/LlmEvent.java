package dev.agentarena.contracts.messages;

import java.time.Instant;

/**
 * Progress or final answer of an {@link LlmRequest}, keyed on Kafka by {@code requestId}.
 *
 * @param text     the answer (final stages) or a progress note
 * @param provider which provider answered, e.g. {@code offline}
 * @param offline  true when no real model answered: clients must label such answers
 */
public record LlmEvent(
        int schema,
        String requestId,
        LlmStage stage,
        String text,
        String provider,
        boolean offline,
        Instant at) implements VersionedMessage {

    public static LlmEvent of(String requestId, LlmStage stage, String text, String provider, boolean offline) {
        return new LlmEvent(MessageSchema.CURRENT, requestId, stage, text, provider, offline, Instant.now());
    }
}
