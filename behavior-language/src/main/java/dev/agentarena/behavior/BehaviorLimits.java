package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
/**
 * Bounds every accepted behavior stays within, so that no document can stall a world's loop or exhaust
 * memory. Each is enforced with its own {@link DiagnosticCode}.
 */
public final class BehaviorLimits {

    /** Characters of the JSON document. */
    public static final int MAX_DOCUMENT_CHARS = 64 * 1024;
    public static final int MAX_PARAMS = 16;
    public static final int MAX_RULES = 32;
    public static final int MAX_STEER_ENTRIES = 8;
    public static final int MAX_NAME_CHARS = 64;
    public static final int MAX_DESCRIPTION_CHARS = 2000;
    /** Code points of one CEL expression. */
    public static final int MAX_EXPRESSION_CHARS = 500;
    /** Depth of one expression's syntax tree. */
    public static final int MAX_EXPRESSION_DEPTH = 16;
    /** Estimated cost of one expression (see {@link ExpressionCost}). */
    public static final int MAX_EXPRESSION_COST = 100;
    /** Estimated cost of the worst path through a whole decision: every condition plus one rule's weights. */
    public static final int MAX_DECISION_COST = 1000;
    /** Documented range of a weight; the dry run rejects values outside it, the runtime clamps into it. */
    public static final double MIN_WEIGHT = 0.0;
    public static final double MAX_WEIGHT = 1.0;
    /** Documented range of a rule's forceScale (multiples of max force), checked and clamped like weights. */
    public static final double MIN_FORCE_SCALE = 0.0;
    public static final double MAX_FORCE_SCALE = 2.0;
    /** Magnitude bound of a param's min, max and default. */
    public static final double MAX_PARAM_MAGNITUDE = 1.0e6;

    private BehaviorLimits() {
    }
}
