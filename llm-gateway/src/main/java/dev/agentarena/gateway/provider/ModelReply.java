package dev.agentarena.gateway.provider;

import dev.agentarena.contracts.messages.LlmTokens;

/** What a model returned: its JSON output as text (possibly malformed: the flow validates it) and the tokens it cost. */
public record ModelReply(String json, LlmTokens tokens) {
}
