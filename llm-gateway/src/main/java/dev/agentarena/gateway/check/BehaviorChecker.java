package dev.agentarena.gateway.check;

import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmDescription;

import java.util.List;

/** Checks a valid behavior document against what its description says it does. */
public interface BehaviorChecker {

    /** One or more checks per expectation of {@code description}; never throws for a valid document. */
    List<LlmCheck> checks(LlmDescription description, String document);
}
