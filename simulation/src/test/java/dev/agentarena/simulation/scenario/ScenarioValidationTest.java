package dev.agentarena.simulation.scenario;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.simulation.policy.ScenarioPolicies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioValidationTest {

    private final ScenarioRunner runner = new ScenarioRunner(ScenarioPolicies.builtIns());

    @Test
    void everyProblemIsReportedAtItsJsonPointer() {
        String document = """
                {"name": "broken", "ticks": 0, "colour": "red",
                 "arena": {"visualRange": -1},
                 "agents": [
                   {"name": "a", "team": 5, "position": [400, 300], "behavior": "flee"},
                   {"name": "a", "team": 0, "position": [-5, 300], "behavior": "flee"},
                   {"name": "b", "team": 0, "position": [100, 100], "behavior": "flee", "waypoints": [[1, 2]]},
                   {"name": "c", "team": 0, "position": [100], "behavior": 3}
                 ],
                 "expectations": [
                   {"type": "distance", "a": "a", "b": "nobody", "grows": 10},
                   {"type": "sometimes"},
                   {"type": "reaches", "agent": "a", "state": "FLEE"}
                 ]}
                """;
        assertThat(paths(document)).contains("/ticks", "/colour", "/arena/visualRange", "/agents/0/team",
                "/agents/1/position", "/agents/2/behavior", "/agents/3/position", "/agents/3/behavior",
                "/expectations/0/b", "/expectations/1/type", "/expectations/2/byTick");
    }

    @Test
    void anInlineBehaviorsDiagnosticsAreReportedUnderItsAgent() {
        String document = """
                {"name": "inline", "ticks": 10, "agents": [
                  {"name": "a", "team": 0, "position": [400, 300], "behavior": {"schemaVersion": 1, "name": "x",
                    "rules": [{"name": "R", "condition": "self.health >", "steer": [{"primitive": "wander"}]}]}}]}
                """;
        assertThat(errors(document)).anySatisfy(e -> assertThat(e.path()).isEqualTo("/agents/0/behavior/rules/0/condition"));
    }

    @Test
    void anInlineBehaviorRunsAndReachesItsRule() {
        String document = """
                {"name": "inline", "ticks": 60, "arena": {"wallLayout": "open"}, "agents": [
                  {"name": "a", "team": 0, "position": [400, 300], "behavior": {"schemaVersion": 1, "name": "x",
                    "rules": [{"name": "CIRCLE", "condition": "true", "steer": [{"primitive": "patrol"}]}]}}],
                 "expectations": [{"type": "reaches", "agent": "a", "rule": "CIRCLE", "byTick": 10},
                                  {"type": "staysWithin", "agent": "a", "point": [400, 300], "radius": 1}]}
                """;
        ScenarioResult result = runner.run(document);
        assertThat(result.expectations().get(0).ok()).isTrue();
        assertThat(result.expectations().get(1).ok()).as("patrol circles 100 around the spawn point").isFalse();
        assertThat(result.expectations().get(1).measured()).isGreaterThan(1);
        assertThat(result.trace().samples()).hasSize(7);
        assertThat(result.trace().samples().get(6).tick()).isEqualTo(60);
    }

    @Test
    void unknownBehaviorsAndBlockedSpotsAreRefusedByTheRunner() {
        String document = """
                {"name": "x", "ticks": 10, "arena": {"wallLayout": "open", "walls": [{"x": 100, "y": 100, "width": 50, "height": 50}]},
                 "agents": [
                  {"name": "a", "team": 0, "position": [400, 300], "behavior": "no-such-behavior"},
                  {"name": "b", "team": 0, "position": [120, 120], "behavior": "flee"}]}
                """;
        assertThatThrownBy(() -> runner.run(document)).isInstanceOfSatisfying(InvalidScenarioException.class, e ->
                assertThat(e.errors()).extracting(FieldError::path, FieldError::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/agents/0/behavior", "UNKNOWN_BEHAVIOR"),
                        org.assertj.core.groups.Tuple.tuple("/agents/1/position", "BLOCKED")));
    }

    @Test
    void overTheLimitsIsRefused() {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i <= ScenarioLimits.MAX_AGENTS; i++) {
            agents.add("{\"name\": \"a" + i + "\", \"team\": 0, \"position\": [400, 300], \"behavior\": \"wander\"}");
        }
        String tooMany = "{\"name\": \"big\", \"ticks\": 10, \"agents\": [" + String.join(",", agents) + "]}";
        assertThat(errors(tooMany)).extracting(FieldError::path, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/agents", "TOO_MANY"));
        String tooLong = """
                {"name": "long", "ticks": 3601, "agents": [{"name": "a", "team": 0, "position": [400, 300], "behavior": "wander"}]}
                """;
        assertThat(paths(tooLong)).containsExactly("/ticks");
        assertThat(paths("[1, 2]")).containsExactly("");
        assertThat(errors("{\"name\": ")).extracting(FieldError::code).containsExactly("BAD_JSON");
    }

    @Test
    void aRunOverItsCpuBudgetIsStoppedAndReported() {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < ScenarioLimits.MAX_AGENTS; i++) {
            agents.add("{\"name\": \"a" + i + "\", \"team\": " + i % 2 + ", \"position\": [" + (20 + i * 3.5) + ", "
                    + (100 + i % 7 * 60) + "], \"behavior\": \"" + BuiltInBehaviors.DEFAULT + "\"}");
        }
        String document = "{\"name\": \"crowd\", \"ticks\": 3600, \"arena\": {\"worldWidth\": 800, \"wallLayout\": \"open\"},"
                + " \"agents\": [" + String.join(",", agents) + "], \"expectations\": [{\"type\": \"inBounds\"}]}";
        ScenarioResult result = new ScenarioRunner(ScenarioPolicies.builtIns(), 1).run(document);
        assertThat(result.stopped()).contains("CPU-time budget");
        assertThat(result.ticks()).isLessThan(3600);
        assertThat(result.passed()).isFalse();
        assertThat(result.trace().samples().get(result.trace().samples().size() - 1).tick()).isEqualTo(result.ticks());
    }

    private List<FieldError> errors(String document) {
        try {
            ScenarioParser.parse(document);
        } catch (InvalidScenarioException e) {
            return e.errors();
        }
        throw new AssertionError("the document was accepted: " + document);
    }

    private List<String> paths(String document) {
        return errors(document).stream().map(FieldError::path).toList();
    }
}
