package dev.agentarena.gateway.provider;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmFailure;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.gateway.provider.ProviderStub.Reply;
import dev.agentarena.gateway.provider.ProviderStub.Seen;
import dev.agentarena.gateway.service.CopilotService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copilot flow against a scripted provider API, the same cases for every API: the subclasses say how
 * that API wraps the model's JSON. The checks are the real ones (one think per situation), so a behavior
 * that validates but does not do what its description says is caught and sent back for repair.
 */
abstract class ProviderFlowContract {

    static final String DESCRIPTION = """
            {"kind":"behavior","triggers":["own health below 40 %","an enemy in sight"],
             "actions":["evade the nearest enemy","pursue and strike the nearest enemy"],"special":["avoids walls"],
             "expectations":[{"healthRatio":0.3,"enemyDistance":60,"outcome":"MOVES_AWAY_FROM_ENEMY"},
                             {"healthRatio":0.9,"enemyDistance":60,"outcome":"MOVES_TOWARD_ENEMY"}]}""";
    static final String GOOD = """
            {"schemaVersion":1,"name":"Careful hunter","description":"flees when hurt <b>fast</b>",
             "params":{"fleeHealth":{"default":0.4,"min":0,"max":1}},
             "rules":[{"name":"flee","condition":"nearestEnemy.exists && self.healthRatio < params.fleeHealth",
                       "steer":[{"primitive":"evade","target":"nearestEnemy","weight":1},{"primitive":"avoid-walls","weight":0.8}]},
                      {"name":"hunt","condition":"nearestEnemy.exists",
                       "steer":[{"primitive":"pursue","target":"nearestEnemy","weight":1},{"primitive":"attack","target":"nearestEnemy","weight":1}]},
                      {"name":"roam","condition":"true","steer":[{"primitive":"wander","weight":1}]}]}""";
    static final String NEVER_FLEES = """
            {"schemaVersion":1,"name":"Reckless","rules":[
              {"name":"hunt","condition":"nearestEnemy.exists","steer":[{"primitive":"pursue","target":"nearestEnemy","weight":1}]},
              {"name":"roam","condition":"true","steer":[{"primitive":"wander","weight":1}]}]}""";
    static final String INVALID = """
            {"schemaVersion":1,"name":"Teleporter","rules":[
              {"name":"go","condition":"true","steer":[{"primitive":"teleport","target":"home","weight":1}]}]}""";
    static final String MALFORMED = "{\"schemaVersion\": 1, \"name\": \"Broken\", \"rules\": [";

    @Inject
    CopilotService copilot;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    MeterRegistry registry;

    final ProviderStub stub = ProviderStub.get(provider());

    /** {@code openai} or {@code anthropic}. */
    abstract String provider();

    /** The API's response carrying the model's JSON output (or, for malformed output, its text). */
    abstract String envelope(String modelJson, boolean parseable);

    /** The path the API's requests go to. */
    abstract String path();

    /** Asserts the API-specific parts of a request: structured output and the key's header. */
    abstract void assertStructuredRequest(Seen request, String outputName);

    @BeforeEach
    void freshProvider() {
        stub.reset();
        circuits.reset(ProviderCalls.CIRCUIT);
    }

    @Test
    void aGoodAnswerIsValidatedCheckedAndReturned() {
        model(DESCRIPTION, GOOD);
        List<LlmEvent> events = ask("a good answer");
        assertThat(events).extracting(LlmEvent::stage).containsExactly(LlmStage.QUEUED, LlmStage.REFORMULATING,
                LlmStage.GENERATING, LlmStage.VALIDATING, LlmStage.CHECKING, LlmStage.DONE);
        LlmEvent done = last(events);
        assertThat(done.offline()).isFalse();
        assertThat(done.model()).isEqualTo(StubbedProviderProfile.MODEL);
        assertThat(done.behavior().path("name").asText()).isEqualTo("Careful hunter");
        assertThat(done.behavior().path("description").asText()).doesNotContain("<", ">").contains("fast");
        // Two situations, each decided once and run as a scenario.
        assertThat(done.checks()).filteredOn(LlmCheck::ran).hasSize(4).allMatch(LlmCheck::ok);
        assertThat(done.tokens().in()).isEqualTo(200);
        assertThat(done.tokens().out()).isEqualTo(100);
        assertThat(done.text()).doesNotContain(StubbedProviderProfile.KEY);
        List<Seen> seen = stub.seen();
        assertThat(seen).hasSize(2).allSatisfy(request -> assertThat(request.path()).isEqualTo(path()));
        assertStructuredRequest(seen.get(0), "description");
        assertStructuredRequest(seen.get(1), "behavior");
        assertThat(seen.get(1).body()).contains("Behavior language (schemaVersion 1)");
    }

    @Test
    void malformedJsonIsSentBackAndRepaired() {
        stub.then(ok(envelope(DESCRIPTION, true)));
        stub.then(ok(envelope(MALFORMED, false)));
        stub.then(ok(envelope(GOOD, true)));
        LlmEvent done = last(ask("malformed json"));
        assertThat(done.stage()).isEqualTo(LlmStage.DONE);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(stub.seen().get(2).body()).contains(DiagnosticCode.INVALID_JSON.name());
    }

    @Test
    void anInvalidDocumentIsFixedByOneRepair() {
        model(DESCRIPTION, INVALID, GOOD);
        List<LlmEvent> events = ask("one repair");
        assertThat(events).extracting(LlmEvent::stage).contains(LlmStage.REPAIRING).endsWith(LlmStage.DONE);
        assertThat(last(events).attempt()).isEqualTo(2);
        assertThat(stub.seen().get(2).body()).contains(DiagnosticCode.INVALID_VALUE.name(), "teleport");
    }

    @Test
    void aValidBehaviorThatFailsItsCheckIsRepaired() {
        model(DESCRIPTION, NEVER_FLEES, GOOD);
        LlmEvent done = last(ask("fails its check"));
        assertThat(done.stage()).isEqualTo(LlmStage.DONE);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.behavior().path("name").asText()).isEqualTo("Careful hunter");
        assertThat(stub.seen().get(2).body()).contains("These checks failed", "moves away from enemy", "rule hunt");
        // The scenario run failed too, and the repair request says what it measured.
        assertThat(stub.seen().get(2).body()).contains("scenario run", "should grow by at least");
    }

    @Test
    void aDocumentNeverFixedFailsWithTheLastDiagnostics() {
        model(DESCRIPTION, INVALID, INVALID, INVALID);
        List<LlmEvent> events = ask("never fixable");
        assertThat(events).filteredOn(e -> e.stage() == LlmStage.REPAIRING).hasSize(2);
        LlmEvent failed = last(events);
        assertThat(failed.stage()).isEqualTo(LlmStage.FAILED);
        assertThat(failed.failure()).isEqualTo(LlmFailure.LLM_FAILED);
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.diagnostics()).extracting(d -> d.code()).contains(DiagnosticCode.INVALID_VALUE);
        assertThat(stub.seen()).hasSize(4);
    }

    @Test
    void aTooSlowProviderEndsUnavailable() {
        for (int i = 0; i < 2; i++) {
            stub.then(new Reply(200, Map.of(), envelope(DESCRIPTION, true), 7000));
        }
        LlmEvent failed = last(ask("too slow"));
        assertThat(failed.stage()).isEqualTo(LlmStage.FAILED);
        assertThat(failed.failure()).isEqualTo(LlmFailure.LLM_UNAVAILABLE);
        assertThat(stub.seen()).as("one call and one retry").hasSize(2);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        stub.then(new Reply(429, Map.of("Retry-After", "1"), "{\"error\":\"slow down\"}", 0));
        model(DESCRIPTION, GOOD);
        LlmEvent done = last(ask("rate limited by the provider"));
        assertThat(done.stage()).isEqualTo(LlmStage.DONE);
        List<Seen> seen = stub.seen();
        assertThat(seen).hasSize(3);
        // the configured backoff is 50 ms: a gap of a second is the provider's Retry-After
        assertThat(seen.get(1).atNanos() - seen.get(0).atNanos()).isGreaterThanOrEqualTo(900_000_000L);
    }

    @Test
    void aRetryAfterLongerThanAllowedEndsUnavailableAtOnce() {
        stub.then(new Reply(429, Map.of("Retry-After", "120"), "{\"error\":\"slow down\"}", 0));
        LlmEvent failed = last(ask("come back in two minutes"));
        assertThat(failed.failure()).isEqualTo(LlmFailure.LLM_UNAVAILABLE);
        assertThat(stub.seen()).hasSize(1);
    }

    @Test
    void repeated500sOpenTheCircuitWhichRecoversHalfOpen() throws InterruptedException {
        // a window of 4 calls, half failed opens the circuit: request 1 fails twice (call and retry), request 2 opens it
        for (int i = 0; i < 4; i++) {
            stub.then(new Reply(500, Map.of(), "{\"error\":\"down\"}", 0));
        }
        assertThat(last(ask("down 1")).failure()).isEqualTo(LlmFailure.LLM_UNAVAILABLE);
        assertThat(circuitOpenGauge()).isZero();
        LlmEvent opened = last(ask("down 2"));
        assertThat(opened.failure()).isEqualTo(LlmFailure.LLM_UNAVAILABLE);
        assertThat(circuitOpenGauge()).as("the alert's gauge follows the circuit").isEqualTo(1);
        int callsSoFar = stub.seen().size();
        LlmEvent refused = last(ask("down 3"));
        assertThat(refused.failure()).isEqualTo(LlmFailure.LLM_UNAVAILABLE);
        assertThat(refused.text()).contains("paused");
        assertThat(stub.seen()).as("an open circuit does not call the provider").hasSize(callsSoFar);
        Thread.sleep(1200); // the circuit delay (1 s) passes: the next call is the half-open trial
        model(DESCRIPTION, GOOD);
        assertThat(last(ask("back up")).stage()).isEqualTo(LlmStage.DONE);
        assertThat(circuitOpenGauge()).isZero();
    }

    private double circuitOpenGauge() {
        return registry.get("arena.gateway.circuit.open").tag("provider", provider()).gauge().value();
    }

    private void model(String... outputs) {
        for (String output : outputs) {
            stub.then(ok(envelope(output, true)));
        }
    }

    private static Reply ok(String body) {
        return new Reply(200, Map.of(), body, 0);
    }

    private List<LlmEvent> ask(String query) {
        String id = UUID.randomUUID().toString();
        List<LlmEvent> events = new ArrayList<>();
        copilot.handle(new LlmRequest(1, id, "user-" + id, "default", query + " " + id, null, null, Instant.now()), events::add);
        assertThat(events).allSatisfy(e -> assertThat(Json.write(e)).doesNotContain(StubbedProviderProfile.KEY));
        return events;
    }

    private static LlmEvent last(List<LlmEvent> events) {
        return events.get(events.size() - 1);
    }
}
