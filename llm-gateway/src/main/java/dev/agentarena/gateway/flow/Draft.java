package dev.agentarena.gateway.flow;

import dev.agentarena.contracts.messages.LlmDescription;

/**
 * A behavior document not yet validated, with the description it must live up to.
 *
 * @param document the JSON text as produced (may be malformed: validation says so)
 */
public record Draft(String document, LlmDescription description) {
}
