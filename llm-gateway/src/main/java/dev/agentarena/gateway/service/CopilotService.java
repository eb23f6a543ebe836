package dev.agentarena.gateway.service;

import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.gateway.config.GatewayConfig;
import dev.agentarena.gateway.provider.LlmProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Turns one copilot request into its stream of events: progress first, then exactly one final event
 * (DONE with the answer, or FAILED with the reason). A failing provider never escapes as an exception.
 */
@ApplicationScoped
public class CopilotService {

    private static final Logger LOG = Logger.getLogger(CopilotService.class);

    private final LlmProvider provider;
    private final GatewayConfig config;
    private final MeterRegistry registry;

    public CopilotService(LlmProvider provider, GatewayConfig config, MeterRegistry registry) {
        this.provider = provider;
        this.config = config;
        this.registry = registry;
    }

    public Multi<LlmEvent> handle(LlmRequest request) {
        String refusal = refusalFor(request);
        if (refusal != null) {
            return Multi.createFrom().item(finish(request, LlmStage.FAILED, refusal, "rejected"));
        }
        LlmEvent thinking = LlmEvent.of(request.requestId(), LlmStage.THINKING, "asking " + provider.name(),
                provider.name(), provider.offline());
        Uni<LlmEvent> answer = provider.answer(request)
                .map(text -> finish(request, LlmStage.DONE, text, "answered"))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("provider %s failed on request %s: %s", provider.name(), request.requestId(), failure.getMessage());
                    return finish(request, LlmStage.FAILED, "the provider failed: " + failure.getMessage(), "failed");
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(thinking), answer.toMulti());
    }

    private String refusalFor(LlmRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            return "the query is empty";
        }
        if (request.query().length() > config.maxQueryLength()) {
            return "the query is longer than " + config.maxQueryLength() + " characters";
        }
        return null;
    }

    private LlmEvent finish(LlmRequest request, LlmStage stage, String text, String outcome) {
        registry.counter("arena.gateway.requests", "outcome", outcome, "provider", provider.name()).increment();
        return LlmEvent.of(request.requestId(), stage, text, provider.name(), provider.offline());
    }
}
