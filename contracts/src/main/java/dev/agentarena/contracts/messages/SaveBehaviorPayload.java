package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.behavior.Diagnostic;

import java.util.List;

/**
 * Payload of {@link CommandType#SAVE_BEHAVIOR}: the behavior-language document; its name comes from the document.
 * The engine and the persistence service both report a refused document with the field errors below, paths
 * relative to this payload ({@code /document}, {@code /document/rules/0/condition}), so a client gets the same
 * paths whichever of them refuses.
 */
public record SaveBehaviorPayload(JsonNode document) {

    public static final FieldError MISSING_DOCUMENT = new FieldError("/document", "REQUIRED", "a behavior document is required");

    /** The validator's diagnostics of the document as field errors of this payload. */
    public static List<FieldError> errorsOf(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(diagnostic -> diagnostic.toFieldError("/document")).toList();
    }
}
