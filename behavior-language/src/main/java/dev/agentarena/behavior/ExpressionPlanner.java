package dev.agentarena.behavior;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Plans a type-checked CEL expression into the tree of {@link NumberTerm}s and {@link FlagTerm}s that behaviors
 * run as. CEL-Java's interpreter boxes every value and allocates on each evaluation (about 4.6 KB and 1 µs per
 * think of the default behavior), too much for 10,000 agents; the language is small enough to plan directly:
 * doubles and bools, the operators, the conditional and the math functions of {@link CelEnvironment}. Params
 * are bound to their values when planned and every sub-expression that reads no perception variable is folded
 * into a constant, so a constant weight costs nothing per think.
 *
 * <p>The semantics are CEL-Java's (the planner's test compares the two on random expressions), with one
 * deliberate difference: {@code math.round} of a number beyond the 64-bit integer range returns the number
 * (it is already whole) where CEL-Java fails. A planned term therefore never throws.
 */
final class ExpressionPlanner {

    /** A construct outside the language's values (a string, a list, a map...), reported at its syntax node. */
    static final class Unsupported extends RuntimeException {

        private final long exprId;

        Unsupported(CelExpr expr, String message) {
            super(message, null, false, false);
            this.exprId = expr.id();
        }

        long exprId() {
            return exprId;
        }
    }

    private final Map<String, Double> params;

    /** @param params the values the params are bound to, keyed by full CEL name ({@code params.<name>}) */
    ExpressionPlanner(Map<String, Double> params) {
        this.params = params;
    }

    /** Plans an expression of type double (or dyn from {@code math.greatest} / {@code math.least} of numbers). */
    NumberTerm number(CelExpr expr) {
        Object term = plan(expr);
        if (term instanceof NumberTerm number) {
            return number;
        }
        throw new Unsupported(expr, "this is a bool where a number is expected");
    }

    /** Plans an expression of type bool. */
    FlagTerm flag(CelExpr expr) {
        Object term = plan(expr);
        if (term instanceof FlagTerm flag) {
            return flag;
        }
        throw new Unsupported(expr, "this is a number where a bool is expected");
    }

    /** A {@link NumberTerm} or a {@link FlagTerm}, whichever the expression is. */
    Object plan(CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> constant(expr);
            case IDENT -> variable(expr);
            case CALL -> call(expr);
            case LIST -> throw new Unsupported(expr, "lists are not values of the behavior language; "
                    + "math.greatest and math.least take their numbers as arguments");
            case MAP, STRUCT -> throw new Unsupported(expr, "maps are not values of the behavior language; only numbers and bools");
            case SELECT -> throw new Unsupported(expr, "only the perception variables have fields");
            default -> throw new Unsupported(expr, "this construct is not part of the behavior language");
        };
    }

    private static Object constant(CelExpr expr) {
        CelConstant constant = expr.constant();
        return switch (constant.getKind()) {
            case DOUBLE_VALUE -> new NumberTerm.Constant(constant.doubleValue());
            case BOOLEAN_VALUE -> new FlagTerm.Constant(constant.booleanValue());
            case STRING_VALUE -> throw new Unsupported(expr, "strings are not values of the behavior language; only numbers and bools");
            case UINT64_VALUE -> throw new Unsupported(expr, "unsigned literals (1u) are not part of the language; write 1 or 1.0");
            default -> throw new Unsupported(expr, "only number and bool literals are part of the language; found "
                    + constant.getKind().name().toLowerCase().replace("_value", ""));
        };
    }

    private Object variable(CelExpr expr) {
        String name = expr.ident().name();
        Double param = params.get(name);
        if (param != null) {
            return new NumberTerm.Constant(param);
        }
        PerceptionVariable variable = PerceptionVariable.named(name)
                .orElseThrow(() -> new Unsupported(expr, "unknown name '" + name + "'"));
        return variable.kind() == PerceptionVariable.Kind.FLAG
                ? (FlagTerm) perception -> perception.flag(variable)
                : (NumberTerm) perception -> perception.number(variable);
    }

    private Object call(CelExpr expr) {
        List<CelExpr> args = expr.call().args();
        String function = expr.call().function();
        return switch (function) {
            case "_?_:_" -> conditional(args);
            case "_&&_" -> and(args);
            case "_||_" -> or(args);
            case "!_" -> not(flag(args.get(0)));
            case "_==_" -> equality(expr, args, true);
            case "_!=_" -> equality(expr, args, false);
            case "-_" -> negate(number(args.get(0)));
            case "_+_", "_-_", "_*_", "_/_" -> arithmetic(function, number(args.get(0)), number(args.get(1)));
            case "_<_", "_<=_", "_>_", "_>=_" -> comparison(function, number(args.get(0)), number(args.get(1)));
            // Like CEL-Java, greatest is NaN when any operand is; least passes NaN operands over.
            case "math.@max" -> reduce(operands(args), Math::max);
            case "math.@min" -> reduce(operands(args), Functions::least);
            case "math.abs", "math.sqrt", "math.floor", "math.ceil", "math.round", "math.sign" ->
                    unary(function, number(args.get(0)));
            default -> throw new Unsupported(expr, "the function '" + function + "' is not part of the behavior language");
        };
    }

    private Object conditional(List<CelExpr> args) {
        FlagTerm condition = flag(args.get(0));
        Object whenTrue = plan(args.get(1));
        Object whenFalse = plan(args.get(2));
        if (condition instanceof FlagTerm.Constant constant) {
            return constant.value() ? whenTrue : whenFalse;
        }
        if (whenTrue instanceof NumberTerm a && whenFalse instanceof NumberTerm b) {
            return (NumberTerm) p -> condition.eval(p) ? a.eval(p) : b.eval(p);
        }
        if (whenTrue instanceof FlagTerm a && whenFalse instanceof FlagTerm b) {
            return (FlagTerm) p -> condition.eval(p) ? a.eval(p) : b.eval(p);
        }
        throw new Unsupported(args.get(2), "both branches of the conditional must be numbers, or both bools");
    }

    /** {@code a && b}: no term fails, so CEL's error-absorbing logic is plain short-circuit logic here. */
    private FlagTerm and(List<CelExpr> args) {
        FlagTerm a = flag(args.get(0));
        FlagTerm b = flag(args.get(1));
        if (a instanceof FlagTerm.Constant constant) {
            return constant.value() ? b : constant;
        }
        if (b instanceof FlagTerm.Constant constant) {
            return constant.value() ? a : constant;
        }
        return p -> a.eval(p) && b.eval(p);
    }

    private FlagTerm or(List<CelExpr> args) {
        FlagTerm a = flag(args.get(0));
        FlagTerm b = flag(args.get(1));
        if (a instanceof FlagTerm.Constant constant) {
            return constant.value() ? constant : b;
        }
        if (b instanceof FlagTerm.Constant constant) {
            return constant.value() ? constant : a;
        }
        return p -> a.eval(p) || b.eval(p);
    }

    private static FlagTerm not(FlagTerm a) {
        return foldFlag(p -> !a.eval(p), a);
    }

    private FlagTerm equality(CelExpr expr, List<CelExpr> args, boolean equal) {
        Object left = plan(args.get(0));
        Object right = plan(args.get(1));
        if (left instanceof NumberTerm a && right instanceof NumberTerm b) {
            return equal ? foldFlag(p -> a.eval(p) == b.eval(p), a, b) : foldFlag(p -> a.eval(p) != b.eval(p), a, b);
        }
        if (left instanceof FlagTerm a && right instanceof FlagTerm b) {
            return equal ? foldFlag(p -> a.eval(p) == b.eval(p), a, b) : foldFlag(p -> a.eval(p) != b.eval(p), a, b);
        }
        throw new Unsupported(expr, "compares a number with a bool");
    }

    private static NumberTerm negate(NumberTerm a) {
        return foldNumber(p -> -a.eval(p), a);
    }

    private static NumberTerm arithmetic(String function, NumberTerm a, NumberTerm b) {
        NumberTerm term = switch (function) {
            case "_+_" -> p -> a.eval(p) + b.eval(p);
            case "_-_" -> p -> a.eval(p) - b.eval(p);
            case "_*_" -> p -> a.eval(p) * b.eval(p);
            default -> p -> a.eval(p) / b.eval(p);
        };
        return foldNumber(term, a, b);
    }

    private static FlagTerm comparison(String function, NumberTerm a, NumberTerm b) {
        FlagTerm term = switch (function) {
            case "_<_" -> p -> a.eval(p) < b.eval(p);
            case "_<=_" -> p -> a.eval(p) <= b.eval(p);
            case "_>_" -> p -> a.eval(p) > b.eval(p);
            default -> p -> a.eval(p) >= b.eval(p);
        };
        return foldFlag(term, a, b);
    }

    /** The numbers of {@code math.greatest(a, b, ...)}: CEL passes three or more as one list literal. */
    private NumberTerm[] operands(List<CelExpr> args) {
        List<CelExpr> values = args.size() == 1 && args.get(0).getKind() == CelExpr.ExprKind.Kind.LIST
                ? args.get(0).list().elements() : args;
        NumberTerm[] terms = new NumberTerm[values.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = number(values.get(i));
        }
        return terms;
    }

    /** {@code math.greatest} / {@code math.least}: one operation folded over the operands, left to right. */
    private static NumberTerm reduce(NumberTerm[] terms, DoubleBinaryOperator operation) {
        NumberTerm term;
        if (terms.length == 1) {
            term = terms[0];
        } else if (terms.length == 2) {
            NumberTerm a = terms[0];
            NumberTerm b = terms[1];
            term = p -> operation.applyAsDouble(a.eval(p), b.eval(p));
        } else {
            term = p -> {
                double result = terms[0].eval(p);
                for (int i = 1; i < terms.length; i++) {
                    result = operation.applyAsDouble(result, terms[i].eval(p));
                }
                return result;
            };
        }
        return foldNumber(term, terms);
    }

    private static NumberTerm unary(String function, NumberTerm a) {
        NumberTerm term = switch (function) {
            case "math.abs" -> p -> Math.abs(a.eval(p));
            case "math.sqrt" -> p -> Math.sqrt(a.eval(p));
            case "math.floor" -> p -> Math.floor(a.eval(p));
            case "math.ceil" -> p -> Math.ceil(a.eval(p));
            case "math.round" -> p -> Functions.round(a.eval(p));
            default -> p -> Functions.sign(a.eval(p));
        };
        return foldNumber(term, a);
    }

    private static NumberTerm foldNumber(NumberTerm term, NumberTerm... operands) {
        for (NumberTerm operand : operands) {
            if (!(operand instanceof NumberTerm.Constant)) {
                return term;
            }
        }
        return new NumberTerm.Constant(term.eval(null));
    }

    private static FlagTerm foldFlag(FlagTerm term, Object... operands) {
        for (Object operand : operands) {
            if (!(operand instanceof NumberTerm.Constant) && !(operand instanceof FlagTerm.Constant)) {
                return term;
            }
        }
        return new FlagTerm.Constant(term.eval(null));
    }

    /** The math functions whose CEL-Java semantics differ from {@link Math}'s. */
    static final class Functions {

        private static final double LONG_RANGE = 0x1p63;

        private Functions() {
        }

        /** The smaller number; a NaN operand is passed over. */
        static double least(double a, double b) {
            if (Double.isNaN(a)) {
                return b;
            }
            return Double.isNaN(b) ? a : Math.min(a, b);
        }

        /** Rounds half away from zero; NaN, infinities and numbers beyond the 64-bit range are already whole. */
        static double round(double x) {
            if (Double.isNaN(x) || Math.abs(x) >= LONG_RANGE) {
                return x;
            }
            return x < 0 ? -Math.round(-x) : Math.round(x);
        }

        /** -1, 0 or 1 (zero is always +0.0); NaN stays NaN. */
        static double sign(double x) {
            if (x > 0) {
                return 1;
            }
            if (x < 0) {
                return -1;
            }
            return Double.isNaN(x) ? x : 0;
        }
    }
}
