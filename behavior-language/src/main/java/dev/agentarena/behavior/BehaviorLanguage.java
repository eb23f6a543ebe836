package dev.agentarena.behavior;

import dev.cel.common.CelFunctionDecl;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelMathExtensions;
import dev.cel.parser.CelMacro;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a behavior document can use, as the validator knows it: the perception variables, the functions of its
 * expressions, the steering primitives and their targets. Published to clients ({@code behavior_language}) for
 * an editor's completion and hints, so that no client keeps a copy of these names.
 */
public final class BehaviorLanguage {

    /** A perception variable: its name in expressions, {@code NUMBER} or {@code FLAG}, and what it reads. */
    public record Variable(String name, PerceptionVariable.Kind kind, String description) {
    }

    /** A steering primitive; {@code needsTarget} when a steer entry with it must name a target. */
    public record PrimitiveInfo(String id, boolean needsTarget, String description) {
    }

    /** A target of a steer entry; {@code enemyAgent} when {@code attack} accepts it. */
    public record TargetInfo(String id, boolean enemyAgent, String description) {
    }

    /**
     * The whole language: {@code paramsPrefix} is how an expression names a document's own params
     * ({@code params.<name>}), {@code functions} the only functions an expression may call,
     * {@code expressionFields} the document's fields whose strings are CEL expressions.
     */
    public record Description(int schemaVersion, List<Variable> variables, String paramsPrefix, List<String> functions,
                              List<PrimitiveInfo> primitives, List<TargetInfo> targets, List<String> expressionFields) {
    }

    /** {@link Rule#condition()}, {@link Rule#forceScale()} and {@link SteerEntry#weight()}, by their JSON names. */
    private static final List<String> EXPRESSION_FIELDS = List.of("condition", "forceScale", "weight");

    private static final Description DESCRIPTION = new Description(BehaviorDocument.SCHEMA_VERSION,
            PerceptionVariable.all().stream().map(v -> new Variable(v.celName(), v.kind(), v.description())).toList(),
            CelEnvironment.PARAMS_PREFIX,
            functions(),
            Arrays.stream(Primitive.values()).map(p -> new PrimitiveInfo(p.id(),
                    p.targetUse() == Primitive.TargetUse.REQUIRED, p.description())).toList(),
            Arrays.stream(Target.values()).map(t -> new TargetInfo(t.id(), t.isEnemyAgent(), t.description())).toList(),
            EXPRESSION_FIELDS);

    private BehaviorLanguage() {
    }

    /** The math functions callable by name, and the macros on {@code math} (which expand into internal {@code @} calls). */
    private static List<String> functions() {
        CelMathExtensions math = CelExtensions.math(CelEnvironment.OPTIONS, CelEnvironment.MATH);
        return Stream.concat(math.functions().stream().map(CelFunctionDecl::name).filter(name -> !name.contains("@")),
                        math.macros().stream().filter(CelMacro::isReceiverStyle).map(macro -> "math." + macro.getFunction()))
                .distinct().sorted().toList();
    }

    public static Description describe() {
        return DESCRIPTION;
    }
}
