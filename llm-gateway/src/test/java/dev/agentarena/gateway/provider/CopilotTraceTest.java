package dev.agentarena.gateway.provider;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.gateway.provider.ProviderStub.Reply;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.TraceContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copilot request is one trace: the engine's request arrives with a traceparent, the gateway handles it in that
 * trace, its calls to the provider carry it (as HTTP client spans and a traceparent header), and every event it
 * publishes goes out in it, so the engine's receive span joins the same trace.
 */
@QuarkusTest
@TestProfile(StubbedProviderProfile.OpenAi.class)
@QuarkusTestResource(KafkaTestResource.class)
class CopilotTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The engine's producer span, as its traceparent header would name it. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String ENGINE_SPAN = "b7ad6b7169203331";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    CircuitBreakerMaintenance circuits;

    private final ProviderStub stub = ProviderStub.get("openai");

    @Test
    void aCopilotRequestIsOneTraceThroughTheGatewayAndItsProviderCalls() {
        stub.reset();
        circuits.reset(ProviderCalls.CIRCUIT);
        stub.then(new Reply(200, Map.of(), OpenAiFlowTest.chatCompletion(ProviderFlowContract.DESCRIPTION), 0));
        stub.then(new Reply(200, Map.of(), OpenAiFlowTest.chatCompletion(ProviderFlowContract.GOOD), 0));
        String id = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.LLM_EVENTS)) {
            kafka.send(Topics.LLM_REQUESTS, id, Json.write(new LlmRequest(MessageSchema.CURRENT, id, "tracer", "default",
                    "flee when weak", null, null, Instant.now())), Map.of("traceparent", TraceContext.childOf(TRACE_ID, ENGINE_SPAN)));

            List<ConsumerRecord<String, String>> events = kafka.awaitRecord(
                    r -> id.equals(r.key()) && r.value().contains("\"DONE\""), WAIT);
            assertThat(events.stream().filter(r -> id.equals(r.key())).toList()).hasSizeGreaterThan(1)
                    .allSatisfy(event -> assertThat(TraceContext.traceIdOf(event)).isEqualTo(TRACE_ID));
        }
        assertThat(stub.seen()).hasSize(2).allSatisfy(call ->
                assertThat(call.header("traceparent")).as("the provider call carries the trace").contains(TRACE_ID));

        List<SpanData> trace = Polling.until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(TRACE_ID)).toList(),
                found -> found.stream().filter(s -> s.getKind() == SpanKind.CLIENT).count() >= 2
                        && found.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER), WAIT);
        assertThat(trace).as("spans of trace %s among %s", TRACE_ID, spans.getFinishedSpanItems()).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getName()).contains(Topics.LLM_REQUESTS);
            assertThat(span.getParentSpanId()).isEqualTo(ENGINE_SPAN);
        });
        assertThat(trace.stream().filter(span -> span.getKind() == SpanKind.CLIENT)).as("the two model calls").hasSizeGreaterThanOrEqualTo(2);
        assertThat(trace).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(span.getName()).contains(Topics.LLM_EVENTS);
        });
    }
}
