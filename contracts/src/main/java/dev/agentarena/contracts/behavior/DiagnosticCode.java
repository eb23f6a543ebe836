package dev.agentarena.contracts.behavior;

/** Stable codes of behavior diagnostics; clients and the copilot's repair loop match on them. */
public enum DiagnosticCode {
    // Document shape
    INVALID_JSON,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    UNSUPPORTED_SCHEMA_VERSION,
    INVALID_NAME,
    DUPLICATE_NAME,
    INVALID_TEXT,
    INVALID_PARAM,
    NO_RULES,
    NO_STEER_ENTRIES,
    TARGET_REQUIRED,
    TARGET_NOT_ALLOWED,
    MIXED_TARGETS,
    DUPLICATE_PRIMITIVE,
    // Limits
    DOCUMENT_TOO_LARGE,
    TOO_MANY_PARAMS,
    TOO_MANY_RULES,
    TOO_MANY_STEER_ENTRIES,
    TEXT_TOO_LONG,
    EXPRESSION_TOO_LONG,
    EXPRESSION_TOO_DEEP,
    EXPRESSION_TOO_COSTLY,
    DOCUMENT_TOO_COSTLY,
    // Expressions
    EMPTY_EXPRESSION,
    INVALID_CHARACTER,
    SYNTAX_ERROR,
    UNKNOWN_IDENTIFIER,
    UNKNOWN_FUNCTION,
    TYPE_ERROR,
    UNSUPPORTED_VALUE,
    WRONG_RESULT_TYPE,
    // Evaluation (the dry run, and failures at run time)
    NOT_FINITE,
    OUT_OF_RANGE,
    EVALUATION_FAILED,
    // A bug of the validator itself (reported, never thrown)
    INTERNAL_ERROR
}
