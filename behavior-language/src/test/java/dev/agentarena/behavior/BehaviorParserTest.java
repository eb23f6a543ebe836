package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviorParserTest {

    @Test
    void readsAWellFormedDocumentWithParamsInDeclarationOrder() {
        ParseResult result = BehaviorParser.parse("""
                {"schemaVersion": 1, "name": "Hunter", "description": "d",
                 "params": {"b": {"default": 1, "min": 0, "max": 2}, "a": {"default": 0, "min": 0, "max": 1}},
                 "rules": [{"name": "go", "condition": "true",
                            "steer": [{"primitive": "seek", "target": "nearestEnemy", "weight": 0.5},
                                      {"primitive": "avoid-walls"}]}]}
                """);
        assertThat(result.diagnostics()).isEmpty();
        BehaviorDocument document = result.document();
        assertThat(document.params().keySet()).containsExactly("b", "a");
        SteerEntry seek = document.rules().get(0).steer().get(0);
        assertThat(seek.primitive()).isEqualTo(Primitive.SEEK);
        assertThat(seek.target()).isEqualTo(Target.NEAREST_ENEMY);
        assertThat(seek.weight()).isEqualTo("0.5");
        assertThat(document.rules().get(0).steer().get(1).weightOrDefault()).isEqualTo("1.0");
    }

    @Test
    void unknownFieldIsReportedWithItsPointerAndTheKnownFields() {
        Diagnostic d = single("""
                {"schemaVersion": 1, "name": "x", "rules": [{"name": "r", "condition": "true",
                  "steer": [{"primitive": "wander", "wieght": 1}]}]}
                """);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_FIELD);
        assertThat(d.path()).isEqualTo("/rules/0/steer/0/wieght");
        assertThat(d.message()).contains("weight");
        assertThat(d.line()).isEqualTo(2);
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        Diagnostic d = single("{\"schemaVersion\": 1,\n  \"name\": }");
        assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_JSON);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isGreaterThan(0);
    }

    @Test
    void futureSchemaVersionIsNamedAsSuch() {
        Diagnostic d = single("{\"schemaVersion\": 2, \"name\": \"x\", \"rules\": [], \"newField\": 1}");
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(d.path()).isEqualTo("/schemaVersion");
    }

    @Test
    void unknownPrimitiveListsTheValidOnes() {
        Diagnostic d = single("""
                {"schemaVersion": 1, "name": "x", "rules": [{"name": "r", "condition": "true",
                  "steer": [{"primitive": "teleport"}]}]}
                """);
        assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_VALUE);
        assertThat(d.path()).isEqualTo("/rules/0/steer/0/primitive");
        assertThat(d.message()).contains("teleport").contains("avoid-walls");
    }

    @Test
    void duplicateKeysAreRejected() {
        Diagnostic d = single("{\"schemaVersion\": 1, \"name\": \"x\", \"name\": \"y\", \"rules\": []}");
        assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_JSON);
        assertThat(d.message()).contains("name");
    }

    @Test
    void structuralProblemsAreAllReportedWithPaths() {
        ParseResult result = BehaviorParser.parse("""
                {"schemaVersion": 1, "name": "x",
                 "params": {"p": {"default": 5, "min": 0, "max": 1}},
                 "rules": [{"name": "r", "condition": "true", "steer": [{"primitive": "seek"}]},
                           {"name": "r", "condition": "true", "steer": [{"primitive": "wander", "target": "nearestAlly"}]},
                           {"name": "s", "steer": []}]}
                """);
        assertThat(result.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.INVALID_PARAM, "/params/p/default"),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.TARGET_REQUIRED, "/rules/0/steer/0/target"),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.DUPLICATE_NAME, "/rules/1/name"),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.TARGET_NOT_ALLOWED, "/rules/1/steer/0/target"),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.MISSING_FIELD, "/rules/2/condition"),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.NO_STEER_ENTRIES, "/rules/2/steer"));
        assertThat(result.document()).isNull();
    }

    @Test
    void pointerEscapesSlashAndTildeInKeys() {
        Diagnostic d = single("{\"schemaVersion\": 1, \"name\": \"x\", \"params\": {\"a/b~c\": {\"default\": 0, \"min\": 0, \"max\": 1}}, \"rules\": [{\"name\": \"r\", \"condition\": \"true\", \"steer\": [{\"primitive\": \"hold\"}]}]}");
        assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_NAME);
        assertThat(d.path()).isEqualTo("/params/a~1b~0c");
    }

    private static Diagnostic single(String json) {
        ParseResult result = BehaviorParser.parse(json);
        assertThat(result.diagnostics()).hasSize(1);
        return result.diagnostics().get(0);
    }
}
