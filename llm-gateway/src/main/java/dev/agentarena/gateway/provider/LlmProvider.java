package dev.agentarena.gateway.provider;

import dev.agentarena.contracts.messages.LlmRequest;
import io.smallrye.mutiny.Uni;

/** Something that answers a copilot request: a real model behind an HTTP API, or the offline answerer. */
public interface LlmProvider {

    /** Short name reported with every answer, e.g. {@code offline}. */
    String name();

    /** True when no model answers: clients label such answers so nobody mistakes them for a model's. */
    boolean offline();

    Uni<String> answer(LlmRequest request);
}
