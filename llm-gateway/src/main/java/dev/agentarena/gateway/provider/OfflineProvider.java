package dev.agentarena.gateway.provider;

import dev.agentarena.contracts.messages.LlmRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers without any model, so the copilot works on a machine with no provider configured. It says so
 * plainly and points the player at what works without a model.
 */
@ApplicationScoped
public class OfflineProvider implements LlmProvider {

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public boolean offline() {
        return true;
    }

    @Override
    public Uni<String> answer(LlmRequest request) {
        String query = request.query().strip();
        return Uni.createFrom().item("[offline answer: no LLM provider is configured] You asked: \"" + query
                + "\". Without a model I can't write a custom behavior, but every team can run the built-in"
                + " behaviors (flee, attack, wander together, wander). Configure an OpenAI-compatible provider to get"
                + " generated behaviors.");
    }
}
