package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.engine.config.EngineConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/** Sends copilot requests to the LLM gateway over Kafka and routes its progress and answer back to the asker. */
@ApplicationScoped
public class CopilotClient {

    private static final Logger LOG = Logger.getLogger(CopilotClient.class);

    private final MutinyEmitter<Record<String, String>> requests;
    private final PendingReplies<LlmEvent> pending = new PendingReplies<>();
    private final EngineConfig config;
    private final MeterRegistry registry;

    public CopilotClient(@Channel("llm-requests") MutinyEmitter<Record<String, String>> requests, EngineConfig config,
                         MeterRegistry registry) {
        this.requests = requests;
        this.config = config;
        this.registry = registry;
    }

    /** {@code onEvent} gets every event of the request; the last one is final (DONE or FAILED, possibly a timeout). */
    public void ask(LlmRequest request, Consumer<LlmEvent> onEvent) {
        pending.await(request.requestId(), config.llmTimeout(), onEvent, () -> onEvent.accept(LlmEvent.of(
                request.requestId(), LlmStage.FAILED, "TIMEOUT: the copilot did not answer in "
                        + config.llmTimeout().toSeconds() + " s", "none", true)));
        requests.send(Record.of(request.requestId(), Json.write(request))).subscribe().with(
                sent -> { },
                failure -> pending.deliver(request.requestId(), LlmEvent.of(request.requestId(), LlmStage.FAILED,
                        "the request could not be sent: " + failure.getMessage(), "none", true), true));
    }

    @Incoming("llm-events")
    public void onEvent(String message) {
        LlmEvent event;
        try {
            event = MessageSchema.read(message, LlmEvent.class);
        } catch (JsonReadException | IllegalArgumentException e) {
            registry.counter("arena.engine.kafka.malformed", "topic", "llm-events").increment();
            LOG.warnf("unreadable llm event skipped: %s", e.getMessage());
            return;
        }
        pending.deliver(event.requestId(), event, event.stage().isFinal());
    }

    /** Ends waits past their deadline; called periodically. */
    public void expireWaits(long nowNanos) {
        pending.expire(nowNanos);
    }
}
