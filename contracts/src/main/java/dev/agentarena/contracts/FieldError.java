package dev.agentarena.contracts;

/**
 * One validation failure, located precisely enough for a client to highlight it.
 *
 * @param path    JSON-pointer-like path of the offending field, e.g. {@code /settings/visualRange}
 * @param code    stable machine-readable code, e.g. {@code OUT_OF_RANGE}
 * @param message human-readable explanation
 */
public record FieldError(String path, String code, String message) {
}
