package dev.agentarena.persistence.tracing;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.TraceContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence hop of a save stays in the engine's trace: a command arriving with a traceparent is handled in
 * that trace, and the result (and the changelog record) go out carrying it, so the engine's receive span joins it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class CommandTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The engine's producer span, as its traceparent header would name it. */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ENGINE_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theResultOfACommandContinuesTheCommandsTrace() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.PERSISTENCE_RESULTS, Topics.CONFIGS)) {
            PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.SAVE_CONFIG, "alice",
                    UUID.randomUUID().toString(), null, Json.toTree(new SaveConfigPayload("Traced", ArenaConfig.defaults())));
            kafka.send(Topics.PERSISTENCE_COMMANDS, command.key(), Json.write(command),
                    Map.of("traceparent", TraceContext.childOf(TRACE_ID, ENGINE_SPAN)));

            List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(
                    r -> r.topic().equals(Topics.PERSISTENCE_RESULTS) && command.commandId().equals(r.key()), WAIT);
            assertThat(TraceContext.traceIdOf(seen.get(seen.size() - 1))).isEqualTo(TRACE_ID);

            List<SpanData> trace = awaitSpans(2);
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(span.getName()).contains(Topics.PERSISTENCE_COMMANDS);
                assertThat(span.getParentSpanId()).isEqualTo(ENGINE_SPAN);
            });
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                assertThat(span.getName()).contains(Topics.PERSISTENCE_RESULTS);
            });
        }
    }

    /** Spans are exported in batches: the trace's spans once {@code count} of them have arrived. */
    private List<SpanData> awaitSpans(int count) {
        List<SpanData> trace = Polling.until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(TRACE_ID)).toList(),
                found -> found.size() >= count, WAIT);
        assertThat(trace).as("spans of trace %s among %s", TRACE_ID, spans.getFinishedSpanItems()).hasSizeGreaterThanOrEqualTo(count);
        return trace;
    }
}
