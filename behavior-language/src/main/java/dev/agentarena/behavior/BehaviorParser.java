package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.agentarena.contracts.json.Json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a behavior document from JSON with the shared mapper's semantics (unknown fields rejected, trailing
 * tokens rejected) plus duplicate keys rejected, so that what a player sees is exactly what runs. Every error
 * carries the JSON pointer of the offending value and, for malformed JSON, its line and column.
 */
public final class BehaviorParser {

    private static final ObjectMapper MAPPER = Json.create().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private BehaviorParser() {
    }

    public static ParseResult parse(String json) {
        if (json == null || json.isBlank()) {
            return failed(Diagnostic.at(DiagnosticCode.INVALID_JSON, "", "the document is empty"));
        }
        if (json.length() > BehaviorLimits.MAX_DOCUMENT_CHARS) {
            return failed(Diagnostic.at(DiagnosticCode.DOCUMENT_TOO_LARGE, "", "the document has " + json.length()
                    + " characters; at most " + BehaviorLimits.MAX_DOCUMENT_CHARS + " are accepted"));
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            Diagnostic version = checkVersion(tree);
            if (version != null) {
                return failed(version);
            }
            BehaviorDocument document = MAPPER.readValue(json, BehaviorDocument.class);
            List<Diagnostic> problems = StructureValidator.check(document);
            return new ParseResult(problems.isEmpty() ? document : null, problems);
        } catch (JsonProcessingException e) {
            return failed(diagnose(e));
        }
    }

    /** The version is checked first: a document from a newer schema gets that answer, not a list of unknown fields. */
    private static Diagnostic checkVersion(JsonNode tree) {
        if (!tree.isObject()) {
            return Diagnostic.at(DiagnosticCode.WRONG_TYPE, "", "a behavior is a JSON object, not " + tree.getNodeType().name().toLowerCase());
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || version.isNull()) {
            return Diagnostic.at(DiagnosticCode.MISSING_FIELD, "/schemaVersion",
                    "schemaVersion is required; this server reads schemaVersion " + BehaviorDocument.SCHEMA_VERSION);
        }
        if (!version.isIntegralNumber()) {
            return Diagnostic.at(DiagnosticCode.WRONG_TYPE, "/schemaVersion", "schemaVersion must be an integer");
        }
        if (!version.canConvertToInt() || version.intValue() != BehaviorDocument.SCHEMA_VERSION) {
            return Diagnostic.at(DiagnosticCode.UNSUPPORTED_SCHEMA_VERSION, "/schemaVersion", "schemaVersion "
                    + version.asText() + " is not supported; this server reads schemaVersion " + BehaviorDocument.SCHEMA_VERSION);
        }
        return null;
    }

    private static Diagnostic diagnose(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new Diagnostic(DiagnosticCode.UNKNOWN_FIELD, JsonPointer.of(unknown), line, column,
                    "unknown field '" + unknown.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known fields: " + known));
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() instanceof IllegalArgumentException cause) {
            return new Diagnostic(DiagnosticCode.INVALID_VALUE, JsonPointer.of(invalid), line, column, cause.getMessage());
        }
        if (e instanceof InvalidFormatException invalid) {
            return new Diagnostic(DiagnosticCode.INVALID_VALUE, JsonPointer.of(invalid), line, column,
                    "invalid value " + invalid.getValue() + " for " + describe(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                && !JsonNode.class.isAssignableFrom(mismatched.getTargetType())) {
            return new Diagnostic(DiagnosticCode.WRONG_TYPE, JsonPointer.of(mismatched), line, column,
                    "expected " + describe(mismatched.getTargetType()) + " here");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Diagnostic(DiagnosticCode.INVALID_VALUE, JsonPointer.of(mapping), line, column, message);
        }
        if (e instanceof StreamConstraintsException) {
            return new Diagnostic(DiagnosticCode.DOCUMENT_TOO_LARGE, "", line, column, message);
        }
        return new Diagnostic(DiagnosticCode.INVALID_JSON, "", line, column, message);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "a string";
        }
        return "a JSON object (" + type.getSimpleName() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "invalid JSON" : message.lines().findFirst().orElse(message);
    }

    private static ParseResult failed(Diagnostic diagnostic) {
        return new ParseResult(null, List.of(diagnostic));
    }
}
