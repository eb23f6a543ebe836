package dev.agentarena.gateway.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.gateway.service.CopilotService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Reads copilot requests from Kafka and publishes their events keyed by requestId; malformed ones are counted and skipped. */
@ApplicationScoped
public class LlmRequestConsumer {

    private static final Logger LOG = Logger.getLogger(LlmRequestConsumer.class);

    private final CopilotService copilot;
    private final MutinyEmitter<Record<String, String>> events;
    private final MeterRegistry registry;

    public LlmRequestConsumer(CopilotService copilot, @Channel("llm-events") MutinyEmitter<Record<String, String>> events,
                              MeterRegistry registry) {
        this.copilot = copilot;
        this.events = events;
        this.registry = registry;
    }

    @Incoming("llm-requests")
    public Uni<Void> onRequest(String message) {
        LlmRequest request;
        try {
            request = MessageSchema.read(message, LlmRequest.class);
            if (request.requestId() == null) {
                throw new IllegalArgumentException("an llm request needs a requestId");
            }
        } catch (JsonReadException | IllegalArgumentException e) {
            registry.counter("arena.gateway.requests", "outcome", "malformed", "provider", "none").increment();
            LOG.warnf("malformed llm request skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return copilot.handle(request)
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> publish(LlmEvent event) {
        return events.send(Record.of(event.requestId(), Json.write(event)));
    }
}
