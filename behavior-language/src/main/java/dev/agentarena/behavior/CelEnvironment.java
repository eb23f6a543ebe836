package dev.agentarena.behavior;

import dev.cel.checker.CelStandardDeclarations;
import dev.cel.checker.CelStandardDeclarations.StandardFunction;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelMathExtensions;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The CEL environment behaviors are parsed and type-checked in (they run planned, see {@link ExpressionPlanner}):
 * the perception variables, the params, and a deliberately small function set. Only bool and double arithmetic, comparisons, the conditional and a few math functions
 * exist: no strings functions, no regex, no lists or maps functions, no macros (hence no comprehensions), so
 * every expression is loop-free and its cost is bounded by its size.
 */
final class CelEnvironment {

    static final String PARAMS_PREFIX = "params.";

    private static final Set<StandardFunction> OPERATORS = EnumSet.of(
            StandardFunction.CONDITIONAL, StandardFunction.LOGICAL_NOT, StandardFunction.LOGICAL_AND,
            StandardFunction.LOGICAL_OR, StandardFunction.EQUALS, StandardFunction.NOT_EQUALS,
            StandardFunction.ADD, StandardFunction.SUBTRACT, StandardFunction.MULTIPLY, StandardFunction.DIVIDE,
            StandardFunction.NEGATE, StandardFunction.LESS, StandardFunction.LESS_EQUALS, StandardFunction.GREATER,
            StandardFunction.GREATER_EQUALS);

    /** Overloads kept for arithmetic and ordering: only the (double, double) ones, since every number is a double. */
    private static final Set<StandardFunction> NUMERIC = EnumSet.of(
            StandardFunction.ADD, StandardFunction.SUBTRACT, StandardFunction.MULTIPLY, StandardFunction.DIVIDE,
            StandardFunction.NEGATE, StandardFunction.LESS, StandardFunction.LESS_EQUALS, StandardFunction.GREATER,
            StandardFunction.GREATER_EQUALS);

    static final CelMathExtensions.Function[] MATH = {
            CelMathExtensions.Function.MAX, CelMathExtensions.Function.MIN, CelMathExtensions.Function.ABS,
            CelMathExtensions.Function.SQRT, CelMathExtensions.Function.FLOOR, CelMathExtensions.Function.CEIL,
            CelMathExtensions.Function.ROUND, CelMathExtensions.Function.SIGN};

    static final CelOptions OPTIONS = CelOptions.current()
            // Backstops under our own limits: the parser itself never recurses or reads without bound.
            .maxParseRecursionDepth(250)
            .maxExpressionCodePointSize(1_000_000)
            .comprehensionMaxIterations(1000)
            .enableComprehension(false)
            .build();

    private static final CelCompiler BASE_COMPILER = baseCompiler();

    private CelEnvironment() {
    }

    private static CelCompiler baseCompiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros()
                .setStandardEnvironmentEnabled(false)
                .setStandardDeclarations(CelStandardDeclarations.newBuilder()
                        .filterFunctions((function, overload) -> OPERATORS.contains(function)
                                && (!NUMERIC.contains(function) || isDoubleOnly(overload.celOverloadDecl().overloadId())))
                        .build())
                .addLibraries(CelExtensions.math(OPTIONS, MATH));
        for (PerceptionVariable variable : PerceptionVariable.all()) {
            builder.addVar(variable.celName(), variable.kind() == PerceptionVariable.Kind.FLAG ? SimpleType.BOOL : SimpleType.DOUBLE);
        }
        return builder.build();
    }

    private static boolean isDoubleOnly(String overloadId) {
        return overloadId.endsWith("_double") && !overloadId.contains("int") && !overloadId.contains("uint");
    }

    /** The compiler for a document declaring {@code paramNames}: the base environment plus {@code params.<name>} doubles. */
    static CelCompiler compilerFor(Collection<String> paramNames) {
        if (paramNames.isEmpty()) {
            return BASE_COMPILER;
        }
        CelCompilerBuilder builder = BASE_COMPILER.toCompilerBuilder();
        for (String name : paramNames) {
            builder.addVar(PARAMS_PREFIX + name, SimpleType.DOUBLE);
        }
        return builder.build();
    }
}
