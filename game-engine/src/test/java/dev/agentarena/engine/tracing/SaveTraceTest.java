package dev.agentarena.engine.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.engine.ws.TestUsers;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.TraceContext;
import dev.agentarena.testing.WsTestClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's two hops of a save share one trace: the command it publishes starts (or continues) a trace whose
 * context travels in the record's headers, and the result that comes back with that context is received in the
 * same trace. This test plays the persistence service, continuing the trace as its Kafka producer would.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SaveTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The span id of the persistence service's producer span, as its traceparent header names it. */
    private static final String PERSISTENCE_SPAN = "00f067aa0ba902b7";

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aSavesCommandAndItsResultAreSpansOfOneTrace() {
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS);
             WsTestClient client = WsTestClient.connect(world.toString().replaceFirst("^http", "ws"),
                     TestUsers.signIn(kafka, "tracer").bearer())) {
            client.awaitType("welcome", WAIT);
            // Right after start the engine's result consumer (reading from the end of its topic) may not have its
            // partitions yet, and a result sent then is never seen: such a save times out and is tried again.
            for (int attempt = 1; attempt <= 3; attempt++) {
                String traceId = saveAnsweredInTrace(kafka, client, "t" + attempt);
                if (traceId != null) {
                    List<SpanData> trace = awaitSpans(traceId, 2);
                    assertThat(trace).anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                        assertThat(span.getName()).contains(Topics.PERSISTENCE_COMMANDS);
                    });
                    assertThat(trace).anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                        assertThat(span.getName()).contains(Topics.PERSISTENCE_RESULTS);
                        assertThat(span.getParentSpanId()).isEqualTo(PERSISTENCE_SPAN);
                    });
                    return;
                }
            }
            throw new AssertionError("no save was answered in three attempts");
        }
    }

    /**
     * Saves a config and answers its command as the persistence service would, continuing the command's trace;
     * the trace id when the client got config_saved, null when its wait timed out.
     */
    private static String saveAnsweredInTrace(KafkaTestClient kafka, WsTestClient client, String requestId) {
        client.send("{\"type\":\"save_config\",\"requestId\":\"" + requestId
                + "\",\"config\":{\"name\":\"Traced\",\"settings\":{}}}");
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.topic().equals(Topics.PERSISTENCE_COMMANDS), WAIT);
        ConsumerRecord<String, String> sent = seen.get(seen.size() - 1);
        String traceId = TraceContext.traceIdOf(sent);
        PersistenceCommand command = MessageSchema.read(sent.value(), PersistenceCommand.class);
        ConfigRecord saved = new ConfigRecord(MessageSchema.CURRENT, command.entityId(), command.userId(), "Traced", false, 1,
                Instant.now(), ArenaConfig.defaults());
        kafka.send(Topics.PERSISTENCE_RESULTS, command.commandId(), Json.write(PersistenceResult.ok(command, Json.toTree(saved))),
                Map.of("traceparent", TraceContext.childOf(traceId, PERSISTENCE_SPAN)));
        JsonNode answer = client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
        return "config_saved".equals(answer.path("type").asText()) ? traceId : null;
    }

    /** Spans are exported in batches: the trace's spans once {@code count} of them have arrived. */
    private List<SpanData> awaitSpans(String traceId, int count) {
        List<SpanData> trace = Polling.until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList(),
                found -> found.size() >= count, WAIT);
        assertThat(trace).as("spans of trace %s among %s", traceId, spans.getFinishedSpanItems()).hasSizeGreaterThanOrEqualTo(count);
        return trace;
    }
}
