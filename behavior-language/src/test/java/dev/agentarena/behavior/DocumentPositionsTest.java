package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Diagnostics land where the user sees the problem in the text of the document they edit. */
class DocumentPositionsTest {

    private static final String WANDER = BuiltInBehaviors.json("wander");

    @Test
    void anExpressionErrorIsPlacedAtItsCharacterInTheDocument() {
        String text = WANDER.replace("\"condition\": \"true\"", "\"condition\": \"self.health > 0 && self.healthh > 0.5\"");
        LocatedDiagnostic diagnostic = only(text);
        assertThat(diagnostic.code()).isEqualTo(DiagnosticCode.UNKNOWN_IDENTIFIER);
        assertThat(diagnostic.path()).isEqualTo("/rules/0/condition");
        assertThat(diagnostic.documentLine()).isEqualTo(lineOf(text, "self.healthh"));
        assertThat(diagnostic.documentColumn()).isEqualTo(columnOf(text, "self.healthh"));
        assertThat(diagnostic.column()).isEqualTo("self.health > 0 && ".length() + 1);
    }

    @Test
    void escapesBeforeTheErrorAndNewlinesInsideTheExpressionAreCounted() {
        String text = WANDER.replace("\"condition\": \"true\"", "\"condition\": \"(\\\"a\\\" == \\\"a\\\" || true) &&\\n  nope > 1\"");
        LocatedDiagnostic diagnostic = DocumentPositions.locate(text, BehaviorValidator.validate(text).diagnostics()).get(0);
        assertThat(diagnostic.line()).isEqualTo(2);
        int expected = text.indexOf("nope > 1");
        assertThat(diagnostic.documentLine()).isEqualTo(lineOf(text, "nope > 1"));
        assertThat(diagnostic.documentColumn()).isEqualTo(expected - text.lastIndexOf('\n', expected));
    }

    @Test
    void aStructureErrorIsPlacedAtItsValueOrTheNearestEnclosingOne() {
        String text = WANDER.replace("\"target\": \"nearestEnemy\",", "");
        LocatedDiagnostic missing = only(text);
        assertThat(missing.code()).isEqualTo(DiagnosticCode.TARGET_REQUIRED);
        String entry = "{\n          \"primitive\": \"attack\"";
        assertThat(missing.documentLine()).isEqualTo(lineOf(text, entry));
        assertThat(missing.documentColumn()).isEqualTo(columnOf(text, entry));

        String unknownPrimitive = WANDER.replace("\"primitive\": \"separation\"", "\"primitive\": \"teleport\"");
        LocatedDiagnostic wrong = only(unknownPrimitive);
        assertThat(wrong.documentLine()).isEqualTo(lineOf(unknownPrimitive, "\"teleport\""));
    }

    @Test
    void aJsonSyntaxErrorKeepsTheParsersPosition() {
        String text = WANDER.replace("\"weight\": 0.5", "\"weight\": 0.5,,");
        LocatedDiagnostic broken = only(text);
        assertThat(broken.code()).isEqualTo(DiagnosticCode.INVALID_JSON);
        assertThat(broken.documentLine()).isEqualTo(broken.line()).isEqualTo(lineOf(text, ",,"));
        assertThat(broken.documentColumn()).isEqualTo(broken.column()).isPositive();
    }

    private static LocatedDiagnostic only(String text) {
        List<LocatedDiagnostic> located = DocumentPositions.locate(text, BehaviorValidator.validate(text).diagnostics());
        assertThat(located).hasSize(1);
        return located.get(0);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int columnOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at - text.lastIndexOf('\n', at - 1);
    }
}
