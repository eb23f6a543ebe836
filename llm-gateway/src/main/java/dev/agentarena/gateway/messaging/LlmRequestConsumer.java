package dev.agentarena.gateway.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.gateway.service.CopilotMetrics;
import dev.agentarena.gateway.service.CopilotService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads copilot requests from Kafka and publishes their events keyed by requestId, in order; malformed
 * requests are counted and skipped. Requests run concurrently on worker threads, so a slow model answer
 * never holds up another request.
 */
@ApplicationScoped
public class LlmRequestConsumer {

    private static final Logger LOG = Logger.getLogger(LlmRequestConsumer.class);

    private final CopilotService copilot;
    private final MutinyEmitter<Record<String, String>> events;
    private final CopilotMetrics metrics;

    public LlmRequestConsumer(CopilotService copilot, @Channel("llm-events") MutinyEmitter<Record<String, String>> events,
                              CopilotMetrics metrics) {
        this.copilot = copilot;
        this.events = events;
        this.metrics = metrics;
    }

    @Incoming("llm-requests")
    @Blocking(ordered = false)
    public void onRequest(String message) {
        LlmRequest request;
        try {
            request = MessageSchema.read(message, LlmRequest.class);
            if (request.requestId() == null) {
                throw new IllegalArgumentException("an llm request needs a requestId");
            }
        } catch (JsonReadException | IllegalArgumentException e) {
            metrics.request("none", null, "malformed", null);
            LOG.warnf("malformed llm request skipped: %s", e.getMessage());
            return;
        }
        copilot.handle(request, this::publish);
    }

    private void publish(LlmEvent event) {
        events.sendAndAwait(Record.of(event.requestId(), Json.write(event)));
    }
}
