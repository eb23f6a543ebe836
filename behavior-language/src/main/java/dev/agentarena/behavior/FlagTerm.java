package dev.agentarena.behavior;

/** A planned bool expression ({@link ExpressionPlanner}); never allocates and never throws. */
@FunctionalInterface
interface FlagTerm {

    boolean eval(PerceptionValues perception);

    /** A term whose value does not depend on the perception, folded when planned. */
    record Constant(boolean value) implements FlagTerm {
        @Override
        public boolean eval(PerceptionValues perception) {
            return value;
        }
    }
}
