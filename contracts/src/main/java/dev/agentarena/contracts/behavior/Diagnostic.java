package dev.agentarena.contracts.behavior;

import dev.agentarena.contracts.FieldError;

/**
 * One problem found in a behavior document.
 *
 * @param code    stable machine-readable code
 * @param path    JSON pointer of the offending value, e.g. {@code /rules/2/steer/0/weight}; empty for the whole document
 * @param line    1-based line: inside the expression for expression errors, inside the document for JSON errors; 0 if unknown
 * @param column  1-based column on that line; 0 if unknown
 * @param message what is wrong and, where possible, how to fix it
 */
public record Diagnostic(DiagnosticCode code, String path, int line, int column, String message) {

    public static Diagnostic at(DiagnosticCode code, String path, String message) {
        return new Diagnostic(code, path, 0, 0, message);
    }

    /** As a generic field error under {@code prefix} (where the document sits in a message); line and column go into the message. */
    public FieldError toFieldError(String prefix) {
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return new FieldError(prefix + path, code.name(), message + where);
    }

    @Override
    public String toString() {
        String where = line > 0 ? path + " " + line + ":" + column : path;
        return code + " at " + (where.isEmpty() ? "/" : where) + ": " + message;
    }
}
