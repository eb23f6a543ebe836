package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionValidationTest {

    @Test
    void integerLiteralsReadAsDoublesSoArithmeticMixesFreely() {
        assertThat(BehaviorValidator.validate(BehaviorJson.oneRule("self.health < 30 && enemies.visual > allies.visual + 1", "0.5 * 2")).ok()).isTrue();
    }

    @Test
    void syntaxErrorHasRulePathLineAndColumn() {
        Diagnostic d = single(BehaviorJson.oneRule("self.health <\n  < 3", "1"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
        assertThat(d.path()).isEqualTo("/rules/0/condition");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(3);
    }

    @Test
    void unknownFieldOfAKnownObjectListsItsFields() {
        Diagnostic d = single(BehaviorJson.oneRule("self.mana > 3", "1"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_IDENTIFIER);
        assertThat(d.message()).contains("self.healthRatio");
        assertThat(d.column()).isEqualTo(1);
    }

    @Test
    void unknownFunctionIsNamedAsAFunction() {
        Diagnostic d = single(BehaviorJson.oneRule("true", "random()"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_FUNCTION);
        assertThat(d.path()).isEqualTo("/rules/0/steer/0/weight");
    }

    @Test
    void regexAndStringFunctionsAreNotInTheEnvironment() {
        assertThat(single(BehaviorJson.oneRule("'aaaa'.matches('(a+)+$')", "1")).code()).isEqualTo(DiagnosticCode.UNKNOWN_FUNCTION);
        assertThat(single(BehaviorJson.oneRule("size('abc') > 1", "1")).code()).isEqualTo(DiagnosticCode.UNKNOWN_FUNCTION);
    }

    @Test
    void conditionMustBeBoolAndWeightANumber() {
        Diagnostic condition = single(BehaviorJson.oneRule("self.health", "1"));
        assertThat(condition.code()).isEqualTo(DiagnosticCode.WRONG_RESULT_TYPE);
        assertThat(condition.message()).contains("bool");
        Diagnostic weight = single(BehaviorJson.oneRule("true", "self.cooldownReady"));
        assertThat(weight.code()).isEqualTo(DiagnosticCode.WRONG_RESULT_TYPE);
        assertThat(weight.path()).isEqualTo("/rules/0/steer/0/weight");
    }

    @Test
    void typeErrorsAreReported() {
        Diagnostic d = single(BehaviorJson.oneRule("self.cooldownReady + 1.0 > 0.0", "1"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.TYPE_ERROR);
        assertThat(d.message()).contains("_+_").doesNotContain("candidates");
    }

    @Test
    void typeErrorsPointAtTheOffendingOperator() {
        Diagnostic d = single(BehaviorJson.oneRule("self.health > 1.0 &&\n  self.cooldownReady + 1.0 > 0.0", "1"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.TYPE_ERROR);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(22);
    }

    @Test
    void paramsAreVisibleOnlyWhenDeclared() {
        String declared = """
                {"schemaVersion": 1, "name": "p", "params": {"courage": {"default": 0.5, "min": 0, "max": 1}},
                 "rules": [{"name": "r", "condition": "self.healthRatio > params.courage", "steer": [{"primitive": "wander", "weight": "params.courage"}]},
                           {"name": "s", "condition": "true", "steer": [{"primitive": "hold"}]}]}
                """;
        assertThat(BehaviorValidator.validate(declared).diagnostics()).isEmpty();
        assertThat(single(BehaviorJson.oneRule("params.courage > 0.5", "1")).code()).isEqualTo(DiagnosticCode.UNKNOWN_IDENTIFIER);
    }

    @Test
    void mathFunctionsAreAvailable() {
        assertThat(BehaviorValidator.validate(BehaviorJson.oneRule("math.abs(nearestEnemy.bearing) < 0.5 || true",
                "math.least(math.greatest(self.healthRatio, 0.1), 1.0) * math.sqrt(4.0) / 2.0")).diagnostics()).isEmpty();
    }

    private static Diagnostic single(String json) {
        ValidationReport report = BehaviorValidator.validate(json);
        assertThat(report.diagnostics()).hasSize(1);
        return report.diagnostics().get(0);
    }
}
