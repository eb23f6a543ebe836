package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import org.junit.jupiter.api.Test;

import static dev.agentarena.behavior.PerceptionVariable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTest {

    @Test
    void defaultBehaviorUsesThePrototypeNumbers() {
        CompiledBehavior behavior = BuiltInBehaviors.compiled(BuiltInBehaviors.DEFAULT);
        SteeringDecision decision = new SteeringDecision();
        behavior.decide(FixedPerception.typical(), decision);
        assertThat(decision.toString()).isEqualTo(
                "ATTACK x1.2 [pursue(nearestEnemy)=1.0, attack(nearestEnemy)=1.0, separation=0.5, avoid-walls=1.0]");
        assertThat(decision.target()).isEqualTo(Target.NEAREST_ENEMY);

        FixedPerception together = FixedPerception.typical().withoutTarget(NEAREST_ENEMY_EXISTS).with(ENEMIES_VISUAL, 0)
                .with(ENEMIES_RECOGNITION, 0).with(ENEMIES_COMBAT, 0);
        behavior.decide(together, decision);
        assertThat(decision.toString()).isEqualTo("WANDER_TOGETHER x1.0 [wander=0.5, cohesion=0.4, alignment=0.5, "
                + "separation=0.8, avoid-walls=1.0, attack(nearestEnemy)=1.0]");
    }

    @Test
    void editorExampleFollowsHealthAndCrowding() {
        CompiledBehavior behavior = BuiltInBehaviors.compiled("editor-example");
        SteeringDecision decision = new SteeringDecision();
        behavior.decide(FixedPerception.typical().with(SELF_HEALTH, 20).with(ALLIES_COMBAT, 2), decision);
        assertThat(decision.ruleName()).isEqualTo("hurt");
        assertThat(decision.weightOf(Primitive.FLEE)).isEqualTo(0.9);
        assertThat(decision.weightOf(Primitive.PURSUE)).isEqualTo(0.1);
        assertThat(decision.weightOf(Primitive.SEPARATION)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        behavior.decide(FixedPerception.typical(), decision);
        assertThat(decision.ruleName()).isEqualTo("aggressive");
        assertThat(decision.weightOf(Primitive.PURSUE)).isEqualTo(0.9);
        assertThat(decision.weightOf(Primitive.AVOID_WALLS)).isEqualTo(0.9);
    }

    @Test
    void noMatchingRuleGivesAnEmptyDecision() {
        CompiledBehavior behavior = compile(BehaviorJson.oneRule("enemies.visual > 100", "1"));
        SteeringDecision decision = new SteeringDecision();
        behavior.decide(FixedPerception.typical(), decision);
        assertThat(decision.matched()).isFalse();
        assertThat(decision.entryCount()).isZero();
    }

    @Test
    void weightsOutsideTheRangeAreClampedAtRunTimeAndNonFiniteOnesFail() {
        CompiledBehavior behavior = compile(BehaviorJson.oneRule("true",
                "nearestEnemy.distance > 2.0 && nearestEnemy.distance < 5.0 ? 0.25 / (nearestEnemy.distance - 2.5) : 0.5"));
        SteeringDecision decision = new SteeringDecision();
        behavior.decide(FixedPerception.typical().with(NEAREST_ENEMY_DISTANCE, 2.6), decision);
        assertThat(decision.weight(0)).isEqualTo(BehaviorLimits.MAX_WEIGHT);
        behavior.decide(FixedPerception.typical().with(NEAREST_ENEMY_DISTANCE, 2.1), decision);
        assertThat(decision.weight(0)).isEqualTo(BehaviorLimits.MIN_WEIGHT);
        behavior.decide(FixedPerception.typical().with(NEAREST_ENEMY_DISTANCE, 2.75), decision);
        assertThat(decision.weight(0)).isEqualTo(BehaviorLimits.MAX_WEIGHT);
        behavior.decide(FixedPerception.typical().with(NEAREST_ENEMY_DISTANCE, 4.5), decision);
        assertThat(decision.weight(0)).isEqualTo(0.125);
        assertThatThrownBy(() -> behavior.decide(FixedPerception.typical().with(NEAREST_ENEMY_DISTANCE, 2.5), decision))
                .isInstanceOfSatisfying(BehaviorEvaluationException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosticCode.NOT_FINITE);
                    assertThat(e.path()).isEqualTo("/rules/0/steer/0/weight");
                });
    }

    @Test
    void dryRunNamesThePerceptionAndParamsThatBreakAWeight() {
        String json = """
                {"schemaVersion": 1, "name": "p", "params": {"k": {"default": 1, "min": 0, "max": 1}},
                 "rules": [{"name": "r", "condition": "true", "steer": [{"primitive": "wander", "weight": "0.5 / params.k"}]}]}
                """;
        ValidationReport report = BehaviorValidator.validate(json);
        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.NOT_FINITE);
            assertThat(d.path()).isEqualTo("/rules/0/steer/0/weight");
            assertThat(d.message()).contains("'typical'").contains("every param at its min");
        });
        ValidationReport crowded = BehaviorValidator.validate(BehaviorJson.oneRule("true", "nearestAlly.distance / (nearestAlly.distance + nearestAlly.distance)"));
        assertThat(crowded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.NOT_FINITE);
            assertThat(d.message()).contains("crowded");
        });
    }

    @Test
    void aDocumentAtEveryLimitIsAcceptedAndDecides() {
        StringBuilder rules = new StringBuilder();
        for (int r = 0; r < BehaviorLimits.MAX_RULES; r++) {
            rules.append(r == 0 ? "" : ",").append("{\"name\": \"r").append(r).append("\", \"condition\": \"self.kills > ")
                    .append(BehaviorLimits.MAX_RULES - 1 - r).append(" && enemies.visual >= allies.visual\", \"steer\": [");
            String[] untargeted = {"wander", "separation", "alignment", "cohesion", "avoid-walls", "hold", "patrol"};
            for (int e = 0; e < BehaviorLimits.MAX_STEER_ENTRIES; e++) {
                String primitive = e < untargeted.length ? "\"" + untargeted[e] + "\"" : "\"seek\", \"target\": \"home\"";
                rules.append(e == 0 ? "" : ",").append("{\"primitive\": ").append(primitive)
                        .append(", \"weight\": \"math.least(self.healthRatio * 2.0, 1.0)\"}");
            }
            rules.append("]}");
        }
        CompiledBehavior behavior = compile("{\"schemaVersion\": 1, \"name\": \"big\", \"rules\": [" + rules + "]}");
        SteeringDecision decision = new SteeringDecision();
        behavior.decide(FixedPerception.typical().with(SELF_KILLS, 31.5).with(ENEMIES_VISUAL, 3), decision);
        assertThat(decision.ruleName()).isEqualTo("r0");
        assertThat(decision.entryCount()).isEqualTo(BehaviorLimits.MAX_STEER_ENTRIES);
        behavior.decide(FixedPerception.typical().with(SELF_KILLS, 0.5).with(ENEMIES_VISUAL, 3), decision);
        assertThat(decision.ruleName()).isEqualTo("r31");
    }

    private static CompiledBehavior compile(String json) {
        CompileResult result = BehaviorCompiler.compile(json);
        assertThat(result.report().diagnostics()).isEmpty();
        return result.behavior();
    }
}
