package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.Diagnostic;
import dev.agentarena.contracts.behavior.DiagnosticCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.agentarena.contracts.behavior.DiagnosticCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Documents written to break the validator or the game: each must be rejected with one of the expected codes
 * and a clear message, or (where marked acceptable) accepted and then decide on every edge case without
 * throwing. None may crash the validator (which would surface as {@link DiagnosticCode#INTERNAL_ERROR}).
 */
class HostileDocumentsTest {

    /** Marks a case where acceptance is fine: the document is odd but bounded and harmless. */
    private static final DiagnosticCode ACCEPTED = null;

    record Case(String name, String json, Set<DiagnosticCode> expected, boolean mayBeAccepted) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedClearlyOrRunsBounded(Case hostile) {
        CompileResult result = BehaviorCompiler.compile(hostile.json());
        List<Diagnostic> diagnostics = result.report().diagnostics();
        assertThat(diagnostics).extracting(Diagnostic::code).doesNotContain(INTERNAL_ERROR);
        assertThat(diagnostics).allSatisfy(d -> {
            assertThat(d.message()).isNotBlank();
            assertThat(d.message().length()).isLessThan(600);
            assertThat(d.path()).isNotNull();
        });
        if (result.ok()) {
            assertThat(hostile.mayBeAccepted()).as("accepted but expected one of " + hostile.expected()).isTrue();
            SteeringDecision decision = new SteeringDecision();
            for (FixedPerception perception : EdgeCases.PERCEPTIONS) {
                assertThatCode(() -> result.behavior().decide(perception, decision)).doesNotThrowAnyException();
            }
        } else {
            assertThat(diagnostics).extracting(Diagnostic::code)
                    .as(diagnostics.toString())
                    .containsAnyElementsOf(hostile.expected());
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- Not JSON, or not a behavior object
        raw(c, "empty text", "", INVALID_JSON);
        raw(c, "blank text", "  \n\t ", INVALID_JSON);
        raw(c, "JSON null", "null", WRONG_TYPE);
        raw(c, "JSON array", "[]", WRONG_TYPE);
        raw(c, "JSON number", "42", WRONG_TYPE);
        raw(c, "JSON string", "\"behavior\"", WRONG_TYPE);
        raw(c, "truncated object", "{\"schemaVersion\": 1, \"name\": \"x\"", INVALID_JSON);
        raw(c, "trailing second document", valid() + " {}", INVALID_JSON);
        raw(c, "C comments", "/* hi */ " + valid(), INVALID_JSON);
        raw(c, "single quotes", "{'schemaVersion': 1}", INVALID_JSON);
        raw(c, "NaN token", "{\"schemaVersion\": NaN}", INVALID_JSON);
        raw(c, "duplicate key", "{\"schemaVersion\": 1, \"schemaVersion\": 1, \"name\": \"x\"}", INVALID_JSON);
        raw(c, "10000 nested arrays", "{\"schemaVersion\": 1, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}", DOCUMENT_TOO_LARGE);
        raw(c, "100 nested objects", "{\"schemaVersion\": 1, \"x\": " + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}", DOCUMENT_TOO_LARGE);
        raw(c, "document over 64 KiB", withDescription("a".repeat(70_000)), DOCUMENT_TOO_LARGE);
        raw(c, "5 MB string", withDescription("b".repeat(5_000_000)), DOCUMENT_TOO_LARGE);
        raw(c, "number with 1000 digits", "{\"schemaVersion\": 1" + "0".repeat(1000) + "}", INVALID_JSON, DOCUMENT_TOO_LARGE, UNSUPPORTED_SCHEMA_VERSION);
        // --- Schema version
        raw(c, "schemaVersion missing", valid().replace("\"schemaVersion\": 1,", ""), MISSING_FIELD);
        raw(c, "schemaVersion as string", valid().replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\""), WRONG_TYPE);
        raw(c, "schemaVersion 1.0", valid().replace("\"schemaVersion\": 1", "\"schemaVersion\": 1.0"), WRONG_TYPE);
        raw(c, "schemaVersion from the future", valid().replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"), UNSUPPORTED_SCHEMA_VERSION);
        raw(c, "schemaVersion 0", valid().replace("\"schemaVersion\": 1", "\"schemaVersion\": 0"), UNSUPPORTED_SCHEMA_VERSION);
        raw(c, "schemaVersion negative", valid().replace("\"schemaVersion\": 1", "\"schemaVersion\": -1"), UNSUPPORTED_SCHEMA_VERSION);
        raw(c, "schemaVersion beyond long", valid().replace("\"schemaVersion\": 1", "\"schemaVersion\": 99999999999999999999999"), UNSUPPORTED_SCHEMA_VERSION);
        // --- Unknown fields and wrong types
        raw(c, "unknown top-level field", valid().replace("\"name\"", "\"script\": \"rm -rf\", \"name\""), UNKNOWN_FIELD);
        raw(c, "unknown rule field", valid().replace("\"condition\"", "\"exec\": \"x\", \"condition\""), UNKNOWN_FIELD);
        raw(c, "unknown steer field", valid().replace("\"primitive\"", "\"force\": 99, \"primitive\""), UNKNOWN_FIELD);
        raw(c, "unknown param field", params("{\"p\": {\"default\": 0, \"min\": 0, \"max\": 1, \"step\": 1}}"), UNKNOWN_FIELD);
        raw(c, "__proto__ field", valid().replace("\"name\"", "\"__proto__\": {\"admin\": true}, \"name\""), UNKNOWN_FIELD);
        raw(c, "rules as object", rules("{\"a\": 1}"), WRONG_TYPE);
        raw(c, "rules as string", rules("\"all\""), WRONG_TYPE);
        raw(c, "rules with null", rules("[null]"), WRONG_TYPE);
        raw(c, "steer as string", rules("[{\"name\": \"r\", \"condition\": \"true\", \"steer\": \"wander\"}]"), WRONG_TYPE);
        raw(c, "steer with null", rules("[{\"name\": \"r\", \"condition\": \"true\", \"steer\": [null]}]"), WRONG_TYPE);
        raw(c, "condition as object", rules("[{\"name\": \"r\", \"condition\": {\"$gt\": 1}, \"steer\": [{\"primitive\": \"hold\"}]}]"), WRONG_TYPE);
        raw(c, "condition as array", rules("[{\"name\": \"r\", \"condition\": [true], \"steer\": [{\"primitive\": \"hold\"}]}]"), WRONG_TYPE);
        raw(c, "weight as object", rules("[{\"name\": \"r\", \"condition\": \"true\", \"steer\": [{\"primitive\": \"hold\", \"weight\": {}}]}]"), WRONG_TYPE);
        raw(c, "primitive as number", steer("{\"primitive\": 3}"), INVALID_VALUE, WRONG_TYPE);
        raw(c, "primitive in wrong case", steer("{\"primitive\": \"Seek\", \"target\": \"nearestEnemy\"}"), INVALID_VALUE);
        raw(c, "primitive with NUL", steer("{\"primitive\": \"seek\\u0000\", \"target\": \"nearestEnemy\"}"), INVALID_VALUE);
        raw(c, "unknown primitive", steer("{\"primitive\": \"teleport\"}"), INVALID_VALUE);
        raw(c, "unknown target", steer("{\"primitive\": \"seek\", \"target\": \"nearestenemy\"}"), INVALID_VALUE);
        raw(c, "primitive missing", steer("{\"weight\": 1}"), MISSING_FIELD);
        raw(c, "params as array", params("[1, 2]"), WRONG_TYPE);
        raw(c, "param default not a number", params("{\"p\": {\"default\": \"abc\", \"min\": 0, \"max\": 1}}"), INVALID_VALUE, WRONG_TYPE);
        raw(c, "param default NaN", params("{\"p\": {\"default\": \"NaN\", \"min\": 0, \"max\": 1}}"), INVALID_PARAM);
        raw(c, "param max Infinity", params("{\"p\": {\"default\": 0, \"min\": 0, \"max\": \"Infinity\"}}"), INVALID_PARAM);
        raw(c, "param huge magnitude", params("{\"p\": {\"default\": 0, \"min\": -1e308, \"max\": 1e308}}"), INVALID_PARAM);
        raw(c, "param min above max", params("{\"p\": {\"default\": 0, \"min\": 1, \"max\": 0}}"), INVALID_PARAM);
        raw(c, "param default missing", params("{\"p\": {\"min\": 0, \"max\": 1}}"), MISSING_FIELD);
        raw(c, "param null", params("{\"p\": null}"), WRONG_TYPE);
        raw(c, "17 params", params(IntStream.range(0, 17).mapToObj(i -> "\"p" + i + "\": {\"default\": 0, \"min\": 0, \"max\": 1}")
                .collect(Collectors.joining(", ", "{", "}"))), TOO_MANY_PARAMS);
        raw(c, "param named like a keyword", params("{\"in\": {\"default\": 0, \"min\": 0, \"max\": 1}}"), INVALID_NAME);
        raw(c, "param name with dash", params("{\"a-b\": {\"default\": 0, \"min\": 0, \"max\": 1}}"), INVALID_NAME);
        raw(c, "param name with Cyrillic letter", params("{\"сourage\": {\"default\": 0, \"min\": 0, \"max\": 1}}"), INVALID_NAME);
        raw(c, "param name empty", params("{\"\": {\"default\": 0, \"min\": 0, \"max\": 1}}"), INVALID_NAME);
        // --- Names and text
        raw(c, "name missing", valid().replace("\"name\": \"test\",", ""), MISSING_FIELD);
        raw(c, "name empty", valid().replace("\"name\": \"test\"", "\"name\": \"\""), INVALID_NAME);
        raw(c, "name too long", valid().replace("\"name\": \"test\"", "\"name\": \"" + "n".repeat(65) + "\""), TEXT_TOO_LONG);
        raw(c, "name with right-to-left override", valid().replace("\"name\": \"test\"", "\"name\": \"evil\u202Etxt.exe\""), INVALID_NAME);
        raw(c, "name with homoglyph", valid().replace("\"name\": \"test\"", "\"name\": \"D\u0435fault\""), INVALID_NAME);
        raw(c, "name with zero-width space", valid().replace("\"name\": \"test\"", "\"name\": \"De\u200Bfault\""), INVALID_NAME);
        raw(c, "name with newline", valid().replace("\"name\": \"test\"", "\"name\": \"a\\nb\""), INVALID_NAME);
        raw(c, "description with bidi override", withDescription("safe \u202E evil"), INVALID_TEXT);
        raw(c, "description with NUL", withDescription("a\\u0000b"), INVALID_TEXT);
        raw(c, "description with lone surrogate", withDescription("a\\ud800b"), INVALID_TEXT);
        raw(c, "description too long", withDescription("d".repeat(2001)), TEXT_TOO_LONG);
        raw(c, "rule name duplicated", rules("[" + rule("r", "true") + "," + rule("r", "true") + "]"), DUPLICATE_NAME);
        raw(c, "rule name with space", rules("[" + rule("my rule", "true") + "]"), INVALID_NAME);
        raw(c, "rule name with script tag", rules("[" + rule("<script>", "true") + "]"), INVALID_NAME);
        // --- Counts
        raw(c, "no rules", rules("[]"), NO_RULES);
        raw(c, "rules missing", valid().replaceAll(",\\s*\"rules\": \\[.*\\]\\s*}\\s*$", "}"), NO_RULES);
        raw(c, "33 rules", rules(IntStream.range(0, 33).mapToObj(i -> rule("r" + i, "true")).collect(Collectors.joining(",", "[", "]"))), TOO_MANY_RULES);
        raw(c, "9 steer entries", steer(IntStream.range(0, 9).mapToObj(i -> "{\"primitive\": \"wander\"}").collect(Collectors.joining(","))), TOO_MANY_STEER_ENTRIES);
        raw(c, "no steer entries", rules("[{\"name\": \"r\", \"condition\": \"true\", \"steer\": []}]"), NO_STEER_ENTRIES);
        raw(c, "seek without target", steer("{\"primitive\": \"seek\"}"), TARGET_REQUIRED);
        raw(c, "wander with target", steer("{\"primitive\": \"wander\", \"target\": \"nearestEnemy\"}"), TARGET_NOT_ALLOWED);
        raw(c, "attack an ally", steer("{\"primitive\": \"attack\", \"target\": \"nearestAlly\"}"), INVALID_VALUE);
        raw(c, "two targets in one rule", steer("{\"primitive\": \"seek\", \"target\": \"nearestAlly\"}, {\"primitive\": \"flee\", \"target\": \"nearestEnemy\"}"), MIXED_TARGETS);
        raw(c, "same primitive twice", steer("{\"primitive\": \"wander\"}, {\"primitive\": \"wander\", \"weight\": 0.5}"), DUPLICATE_PRIMITIVE);
        raw(c, "forceScale above the maximum", rules("[{\"name\": \"r\", \"condition\": \"true\", \"forceScale\": 3, \"steer\": [{\"primitive\": \"hold\"}]}]"), OUT_OF_RANGE);
        raw(c, "forceScale not a number", rules("[{\"name\": \"r\", \"condition\": \"true\", \"forceScale\": \"true\", \"steer\": [{\"primitive\": \"hold\"}]}]"), WRONG_RESULT_TYPE);
        raw(c, "forceScale infinite", rules("[{\"name\": \"r\", \"condition\": \"true\", \"forceScale\": \"1.0 / (self.speed - self.speed)\", \"steer\": [{\"primitive\": \"hold\"}]}]"), NOT_FINITE);
        // --- Expression size, depth, cost
        condition(c, "empty condition", "", EMPTY_EXPRESSION);
        weight(c, "blank weight", "   ", EMPTY_EXPRESSION);
        condition(c, "501-character expression", "true" + " ".repeat(497), EXPRESSION_TOO_LONG);
        condition(c, "200 redundant parentheses", "(".repeat(200) + "true" + ")".repeat(200), ACCEPTED, EXPRESSION_TOO_DEEP, SYNTAX_ERROR);
        condition(c, "400 negations", "!".repeat(400) + "true", ACCEPTED, EXPRESSION_TOO_DEEP);
        weight(c, "200 unary minus", "-".repeat(200) + "1.0", ACCEPTED, EXPRESSION_TOO_DEEP, SYNTAX_ERROR);
        condition(c, "30 nested conditionals", "false ? true : ".repeat(30) + "true", EXPRESSION_TOO_DEEP);
        weight(c, "left-deep sum of 200 terms", String.join("+", java.util.Collections.nCopies(200, "1")), EXPRESSION_TOO_DEEP);
        condition(c, "80 conjunctions", String.join("&&", java.util.Collections.nCopies(80, "true")), EXPRESSION_TOO_COSTLY, EXPRESSION_TOO_DEEP);
        condition(c, "list literal of 240 elements", "[" + String.join(",", java.util.Collections.nCopies(240, "1")) + "] == []", EXPRESSION_TOO_COSTLY);
        condition(c, "map literal of 120 entries", "{" + IntStream.range(0, 120).mapToObj(i -> i + ":1").collect(Collectors.joining(",")) + "} == {}", EXPRESSION_TOO_COSTLY, EXPRESSION_TOO_LONG);
        condition(c, "490-character string literal", "'" + "x".repeat(480) + "' == 'x'", UNSUPPORTED_VALUE);
        condition(c, "string concatenation", "'a' + 'a' == 'aa'", TYPE_ERROR, UNKNOWN_FUNCTION);
        condition(c, "list concatenation", "[1] + [1] == [1, 1]", TYPE_ERROR, UNKNOWN_FUNCTION);
        raw(c, "decision cost over the limit", rules(IntStream.range(0, 32)
                .mapToObj(i -> rule("r" + i, String.join(" && ", java.util.Collections.nCopies(16, "self.health > 1"))))
                .collect(Collectors.joining(",", "[", "]"))), DOCUMENT_TOO_COSTLY);
        // --- Comprehensions, macros, regex, strings, conversions: not in the environment
        condition(c, "all comprehension", "[1, 2].all(x, x > 0)", UNKNOWN_FUNCTION);
        condition(c, "exists comprehension", "[1, 2].exists(x, x > 1)", UNKNOWN_FUNCTION);
        condition(c, "exists_one comprehension", "[1, 2].exists_one(x, x > 1)", UNKNOWN_FUNCTION);
        condition(c, "nested map comprehensions", "[1,2,3].map(x, [1,2,3].map(y, x * y)) == []", UNKNOWN_FUNCTION);
        condition(c, "filter comprehension", "[1, 2].filter(x, x > 1) == [2]", UNKNOWN_FUNCTION);
        condition(c, "has macro", "has(self.health)", UNKNOWN_FUNCTION);
        condition(c, "catastrophic regex", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a+)+$')", UNKNOWN_FUNCTION);
        condition(c, "global matches", "matches('aaa', '(a|aa)*b')", UNKNOWN_FUNCTION);
        condition(c, "string contains", "'abc'.contains('b')", UNKNOWN_FUNCTION);
        condition(c, "size", "size([1, 2]) > 1", UNKNOWN_FUNCTION);
        condition(c, "int conversion", "int(self.health) > 3", UNKNOWN_FUNCTION);
        condition(c, "string conversion", "string(self.health) == '3'", UNKNOWN_FUNCTION);
        condition(c, "timestamp", "timestamp('2020-01-01T00:00:00Z') == timestamp('2020-01-01T00:00:00Z')", UNKNOWN_FUNCTION);
        condition(c, "duration", "duration('1s') == duration('1s')", UNKNOWN_FUNCTION);
        condition(c, "type reflection", "type(self.health) == double", UNKNOWN_FUNCTION, UNKNOWN_IDENTIFIER);
        condition(c, "dyn escape hatch", "dyn(self.health) > 0.0", UNKNOWN_FUNCTION);
        weight(c, "double from string NaN", "double('NaN')", UNKNOWN_FUNCTION);
        weight(c, "modulo", "5 % 2", UNKNOWN_FUNCTION, TYPE_ERROR);
        weight(c, "bit shift", "math.bitShiftLeft(1, 64)", UNKNOWN_FUNCTION, TYPE_ERROR);
        condition(c, "list index", "[true][0]", UNKNOWN_FUNCTION, TYPE_ERROR);
        condition(c, "map index", "{'a': true}['a']", UNKNOWN_FUNCTION, TYPE_ERROR);
        condition(c, "in operator", "1.0 in [1.0]", UNKNOWN_FUNCTION, TYPE_ERROR);
        condition(c, "proto message creation", "google.protobuf.Duration{seconds: 1} == google.protobuf.Duration{seconds: 1}", TYPE_ERROR, UNKNOWN_IDENTIFIER, UNKNOWN_FUNCTION, SYNTAX_ERROR);
        condition(c, "optional syntax", "self.?health == 1.0", SYNTAX_ERROR, TYPE_ERROR, UNKNOWN_FUNCTION);
        condition(c, "quoted identifier", "`self.health` > 1", SYNTAX_ERROR);
        condition(c, "reserved word", "while > 1", SYNTAX_ERROR);
        weight(c, "math.greatest without arguments", "math.greatest()", SYNTAX_ERROR, TYPE_ERROR);
        // --- Arithmetic that breaks at run time: caught by the dry run
        weight(c, "division by zero", "1.0 / 0.0", NOT_FINITE);
        weight(c, "zero over zero", "0.0 / 0.0", NOT_FINITE);
        weight(c, "integer division by zero", "1 / 0", NOT_FINITE);
        weight(c, "square root of a negative", "math.sqrt(-1.0)", NOT_FINITE);
        weight(c, "inverse distance with enemies on top", "1.0 / nearestEnemy.distance", NOT_FINITE, OUT_OF_RANGE);
        weight(c, "inverse health at health 0", "1.0 / self.health", NOT_FINITE, OUT_OF_RANGE);
        weight(c, "overflow to infinity", "1e308 * 10.0", NOT_FINITE);
        weight(c, "negative weight", "-1.0", OUT_OF_RANGE);
        weight(c, "weight above the maximum", "1.5", OUT_OF_RANGE);
        weight(c, "weight growing with age", "self.age", OUT_OF_RANGE);
        weight(c, "weight from absent enemy distance", "nearestEnemy.distance / 100.0", OUT_OF_RANGE);
        weight(c, "guarded inverse distance", "nearestEnemy.distance > 1.0 ? math.least(10.0 / nearestEnemy.distance, 1.0) : 1.0", ACCEPTED);
        condition(c, "long beyond range", "9223372036854775807 + 1 > 0", ACCEPTED);
        condition(c, "integer literal overflow", "99999999999999999999 > 0", SYNTAX_ERROR);
        condition(c, "unsigned literals", "1u > 0u", TYPE_ERROR, UNKNOWN_FUNCTION);
        condition(c, "bytes literal equality", "b'abc' == b'abc'", UNSUPPORTED_VALUE);
        condition(c, "null equality", "null == null", UNSUPPORTED_VALUE);
        // --- Names, types and unicode in expressions
        condition(c, "unknown root", "enemy.health > 3", UNKNOWN_IDENTIFIER);
        condition(c, "bare object", "self > 0", UNKNOWN_IDENTIFIER);
        condition(c, "undeclared params", "params.x > 0", UNKNOWN_IDENTIFIER);
        condition(c, "field of a number", "self.health.max > 1", TYPE_ERROR, UNKNOWN_IDENTIFIER);
        weight(c, "bool weight", "true", WRONG_RESULT_TYPE);
        condition(c, "string condition", "'true'", UNSUPPORTED_VALUE);
        condition(c, "number condition", "1", WRONG_RESULT_TYPE);
        condition(c, "list condition", "[true]", UNSUPPORTED_VALUE);
        condition(c, "Cyrillic homoglyph identifier", "s\u0435lf.health > 3", INVALID_CHARACTER);
        condition(c, "bidi override in string", "'\u202E' == 'a'", INVALID_CHARACTER);
        condition(c, "zero-width space between tokens", "true\u200B", INVALID_CHARACTER);
        condition(c, "NUL character", "true\u0000", INVALID_CHARACTER);
        condition(c, "escaped bidi in string literal", "'\\u202e' == 'a'", UNSUPPORTED_VALUE);
        condition(c, "comment only", "// nothing here", SYNTAX_ERROR);
        condition(c, "comment trying to swallow the decision", "true // ) ? [9.0] : [8.0] :", ACCEPTED);
        return c;
    }

    // --- Builders

    private static String valid() {
        return "{\"schemaVersion\": 1, \"name\": \"test\", \"description\": \"d\", \"rules\": [" + rule("r", "true") + "]}";
    }

    private static String rule(String name, String condition) {
        return "{\"name\": " + BehaviorJson.quote(name) + ", \"condition\": " + BehaviorJson.quote(condition)
                + ", \"steer\": [{\"primitive\": \"wander\", \"weight\": 1}]}";
    }

    private static String rules(String rulesJson) {
        return "{\"schemaVersion\": 1, \"name\": \"test\", \"rules\": " + rulesJson + "}";
    }

    private static String steer(String entries) {
        return rules("[{\"name\": \"r\", \"condition\": \"true\", \"steer\": [" + entries + "]}]");
    }

    private static String params(String paramsJson) {
        return "{\"schemaVersion\": 1, \"name\": \"test\", \"params\": " + paramsJson + ", \"rules\": [" + rule("r", "true") + "]}";
    }

    private static String withDescription(String rawDescription) {
        return "{\"schemaVersion\": 1, \"name\": \"test\", \"description\": \"" + rawDescription + "\", \"rules\": [" + rule("r", "true") + "]}";
    }

    private static void raw(List<Case> c, String name, String json, DiagnosticCode... expected) {
        add(c, name, json, expected);
    }

    private static void condition(List<Case> c, String name, String expression, DiagnosticCode... expected) {
        add(c, name, BehaviorJson.oneRule(expression, "1"), expected);
    }

    private static void weight(List<Case> c, String name, String expression, DiagnosticCode... expected) {
        add(c, name, BehaviorJson.oneRule("true", expression), expected);
    }

    private static void add(List<Case> c, String name, String json, DiagnosticCode... expected) {
        Set<DiagnosticCode> codes = EnumSet.noneOf(DiagnosticCode.class);
        boolean mayBeAccepted = false;
        for (DiagnosticCode code : expected) {
            if (code == ACCEPTED) {
                mayBeAccepted = true;
            } else {
                codes.add(code);
            }
        }
        c.add(new Case(name, json, codes, mayBeAccepted));
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastAHundredHostileDocuments() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases()).extracting(Case::name).doesNotHaveDuplicates();
    }
}
