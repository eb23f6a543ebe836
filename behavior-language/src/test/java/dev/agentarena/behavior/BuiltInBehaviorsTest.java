package dev.agentarena.behavior;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInBehaviorsTest {

    static final List<String> IDS = BuiltInBehaviors.IDS;

    @ParameterizedTest
    @FieldSource("IDS")
    void everyBuiltInPassesValidation(String id) {
        assertThat(BehaviorValidator.validate(BuiltInBehaviors.json(id)).diagnostics()).isEmpty();
        assertThat(BuiltInBehaviors.compiled(id).ruleCount()).isPositive();
    }

    /**
     * {@code builtin-decisions.csv} holds what the engine's Java decision (the prototype's, which this document
     * replaced) decided on 1,066 perceptions: 666 taken from a running three-team world, 400 spread around its
     * thresholds. Each row is a perception, as the language sees it, and the Java decision: state, force scale,
     * target and every non-zero weight.
     */
    @Test
    void defaultDecidesExactlyAsTheJavaBuiltInDidOnRecordedPerceptions() throws IOException {
        CompiledBehavior behavior = BuiltInBehaviors.compiled(BuiltInBehaviors.DEFAULT);
        SteeringDecision decision = new SteeringDecision();
        Set<String> states = new HashSet<>();
        int rows = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/behavior/builtin-decisions.csv"), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] row = line.split(",", -1);
                FixedPerception perception = FixedPerception.typical();
                for (int i = 1; i <= PerceptionVariable.all().size(); i++) {
                    PerceptionVariable variable = PerceptionVariable.named(header[i]).orElseThrow();
                    perception = variable.kind() == PerceptionVariable.Kind.FLAG
                            ? perception.with(variable, Boolean.parseBoolean(row[i]))
                            : perception.with(variable, Double.parseDouble(row[i]));
                }
                int d = PerceptionVariable.all().size() + 1;
                behavior.decide(perception, decision);
                String what = "row " + (rows + 2) + " (" + row[0] + ")";
                assertThat(decision.ruleName()).as(what).isEqualTo(row[d]);
                assertThat(decision.forceScale()).as(what).isEqualTo(Double.parseDouble(row[d + 1]));
                assertThat(decision.target() == null ? "none" : decision.target().id()).as(what).isEqualTo(row[d + 2]);
                assertThat(weights(decision)).as(what).isEqualTo(recordedWeights(row[d + 3]));
                states.add(row[d]);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(1066);
        assertThat(states).containsExactlyInAnyOrder("FLEE", "ATTACK", "WANDER_TOGETHER", "WANDER");
    }

    private static Map<String, Double> weights(SteeringDecision decision) {
        Map<String, Double> weights = new HashMap<>();
        for (Primitive primitive : Primitive.values()) {
            if (decision.weightOf(primitive) != 0) {
                weights.put(primitive.id(), decision.weightOf(primitive));
            }
        }
        return weights;
    }

    /** {@code "evade=1.0 separation=0.5"} as a map. */
    private static Map<String, Double> recordedWeights(String text) {
        Map<String, Double> weights = new HashMap<>();
        for (String entry : text.split(" ")) {
            String[] parts = entry.split("=");
            weights.put(parts[0], Double.parseDouble(parts[1]));
        }
        return weights;
    }
}
