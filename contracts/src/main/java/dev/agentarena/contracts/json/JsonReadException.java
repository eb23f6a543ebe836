package dev.agentarena.contracts.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A document that is not valid JSON, or not of the expected shape; carries the JSON-pointer path where known. */
public class JsonReadException extends RuntimeException {

    private final String path;

    public JsonReadException(Exception cause) {
        super(describe(cause), cause);
        this.path = pathOf(cause);
    }

    public String path() {
        return path;
    }

    private static String pathOf(Exception cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                pointer.append('/');
                pointer.append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
            }
            return pointer.toString();
        }
        return "";
    }

    private static String describe(Exception cause) {
        if (cause instanceof JsonProcessingException processing) {
            String message = processing.getOriginalMessage();
            JsonLocation location = processing.getLocation();
            String path = pathOf(cause);
            StringBuilder text = new StringBuilder(message == null ? "invalid JSON" : message.lines().findFirst().orElse(message));
            if (!path.isEmpty()) {
                text.append(" at ").append(path);
            } else if (location != null && location.getLineNr() > 0) {
                text.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
            }
            return text.toString();
        }
        return cause.getMessage();
    }
}
