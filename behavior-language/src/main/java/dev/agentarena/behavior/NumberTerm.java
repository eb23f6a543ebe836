package dev.agentarena.behavior;

/**
 * A planned number expression ({@link ExpressionPlanner}): IEEE double arithmetic over one perception. Never
 * allocates and never throws; a result may be NaN or infinite, which the callers check.
 */
@FunctionalInterface
interface NumberTerm {

    double eval(PerceptionValues perception);

    /** A term whose value does not depend on the perception, folded when planned. */
    record Constant(double value) implements NumberTerm {
        @Override
        public double eval(PerceptionValues perception) {
            return value;
        }
    }
}
