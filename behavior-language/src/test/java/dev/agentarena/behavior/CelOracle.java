package dev.agentarena.behavior;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.CelStandardFunctions.StandardFunction;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/** CEL-Java's own interpreter over the behavior environment: the reference the planned terms are held to. */
final class CelOracle {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(CelEnvironment.OPTIONS)
            .setStandardEnvironmentEnabled(false)
            .setStandardFunctions(CelStandardFunctions.newBuilder().includeFunctions(EnumSet.of(
                    StandardFunction.LOGICAL_NOT, StandardFunction.EQUALS, StandardFunction.NOT_EQUALS,
                    StandardFunction.ADD, StandardFunction.SUBTRACT, StandardFunction.MULTIPLY,
                    StandardFunction.DIVIDE, StandardFunction.NEGATE, StandardFunction.LESS,
                    StandardFunction.LESS_EQUALS, StandardFunction.GREATER, StandardFunction.GREATER_EQUALS)).build())
            .addLibraries(CelExtensions.math(CelEnvironment.OPTIONS, CelEnvironment.MATH))
            .build();

    private CelOracle() {
    }

    /** The value CEL-Java computes for {@code ast} (a Double or a Boolean). */
    static Object eval(CelAbstractSyntaxTree ast, PerceptionValues perception, Map<String, Double> params)
            throws CelEvaluationException {
        Map<String, Object> variables = new HashMap<>(params);
        for (PerceptionVariable variable : PerceptionVariable.all()) {
            variables.put(variable.celName(), variable.kind() == PerceptionVariable.Kind.FLAG
                    ? (Object) perception.flag(variable) : (Object) perception.number(variable));
        }
        return RUNTIME.createProgram(ast).eval(variables);
    }
}
