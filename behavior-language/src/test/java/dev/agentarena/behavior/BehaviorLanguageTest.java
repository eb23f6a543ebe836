package dev.agentarena.behavior;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published language is the validator's: what it lists validates, what it leaves out does not. */
class BehaviorLanguageTest {

    private static final String WANDER = BuiltInBehaviors.json("wander");

    @Test
    void everyListedVariableAndFunctionIsAcceptedInAnExpression() {
        BehaviorLanguage.Description language = BehaviorLanguage.describe();
        assertThat(language.variables()).extracting(BehaviorLanguage.Variable::name).contains("self.health", "nearestEnemy.distance");
        assertThat(language.functions()).contains("math.least", "math.greatest", "math.abs");
        for (BehaviorLanguage.Variable variable : language.variables()) {
            String condition = variable.kind() == PerceptionVariable.Kind.FLAG ? variable.name() : variable.name() + " >= 0.0";
            assertThat(validCondition(condition)).as(variable.name()).isTrue();
        }
        for (String function : language.functions()) {
            assertThat(validCondition(function + "(1.0) >= 0.0") || validCondition(function + "(1.0, 2.0) >= 0.0"))
                    .as(function).isTrue();
        }
        assertThat(validCondition("math.bitAnd(1.0, 2.0) >= 0.0")).isFalse();
    }

    @Test
    void everyListedPrimitiveAndTargetIsAcceptedInASteerEntry() {
        BehaviorLanguage.Description language = BehaviorLanguage.describe();
        assertThat(language.primitives()).hasSize(Primitive.values().length);
        for (BehaviorLanguage.PrimitiveInfo primitive : language.primitives()) {
            String target = primitive.needsTarget() ? ", \"target\": \"nearestEnemy\"" : "";
            assertThat(BehaviorValidator.validate(oneEntry("\"primitive\": \"" + primitive.id() + "\"" + target)).ok())
                    .as(primitive.id()).isTrue();
        }
        for (BehaviorLanguage.TargetInfo target : language.targets()) {
            String entry = "\"primitive\": \"seek\", \"target\": \"" + target.id() + "\"";
            assertThat(BehaviorValidator.validate(oneEntry(entry)).ok()).as(target.id()).isTrue();
        }
    }

    private static String oneEntry(String entry) {
        return "{\"schemaVersion\": 1, \"name\": \"T\", \"rules\": [{\"name\": \"R\", \"condition\": \"true\","
                + " \"steer\": [{" + entry + ", \"weight\": 1}]}]}";
    }

    private static boolean validCondition(String condition) {
        return BehaviorValidator.validate(WANDER.replace("\"condition\": \"true\"", "\"condition\": \"" + condition + "\"")).ok();
    }
}
