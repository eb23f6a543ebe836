package dev.agentarena.contracts.behavior;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a behavior document into a {@link CompiledBehavior}: parse, structure checks, every expression
 * compiled and limited, the whole decision compiled into one program, then a dry run over edge-case
 * perceptions. Compilation is the expensive step (milliseconds); do it once per document version.
 */
public final class BehaviorCompiler {

    private BehaviorCompiler() {
    }

    /** Parses, validates and compiles a JSON document. */
    public static CompileResult compile(String json) {
        try {
            return compileChecked(json);
        } catch (RuntimeException | StackOverflowError e) {
            // A validator bug must never take a service down with it; the input is rejected instead.
            return new CompileResult(null, ValidationReport.of(List.of(Diagnostic.at(ErrorCode.INTERNAL_ERROR, "",
                    "the validator failed on this document: " + e))));
        }
    }

    private static CompileResult compileChecked(String json) {
        ParseResult parsed = BehaviorParser.parse(json);
        if (!parsed.ok()) {
            return new CompileResult(null, ValidationReport.of(parsed.diagnostics()));
        }
        return compile(parsed.document());
    }

    /** Validates and compiles an already parsed document. */
    public static CompileResult compile(BehaviorDocument document) {
        List<Diagnostic> problems = new ArrayList<>(StructureValidator.check(document));
        if (!problems.isEmpty()) {
            return new CompileResult(null, ValidationReport.of(problems));
        }
        ExpressionCompiler expressions = new ExpressionCompiler(document.paramsOrEmpty().keySet());
        List<RuleSource> sources = new ArrayList<>();
        int conditionsCost = 0;
        int worstWeightsCost = 0;
        for (int i = 0; i < document.rules().size(); i++) {
            Rule rule = document.rules().get(i);
            String path = JsonPointer.child("/rules", i);
            Optional<ExpressionCompiler.Compiled> condition = expressions.compile(rule.condition(),
                    ExpressionCompiler.ResultType.BOOL, path + "/condition", problems);
            Optional<ExpressionCompiler.Compiled> forceScale = expressions.compile(rule.forceScaleOrDefault(),
                    ExpressionCompiler.ResultType.NUMBER, path + "/forceScale", problems);
            List<ExpressionCompiler.Compiled> weights = new ArrayList<>();
            int weightsCost = forceScale.map(f -> f.cost().cost()).orElse(0);
            for (int j = 0; j < rule.steer().size(); j++) {
                Optional<ExpressionCompiler.Compiled> weight = expressions.compile(rule.steer().get(j).weightOrDefault(),
                        ExpressionCompiler.ResultType.NUMBER, JsonPointer.child(path + "/steer", j) + "/weight", problems);
                weight.ifPresent(weights::add);
                weightsCost += weight.map(w -> w.cost().cost()).orElse(0);
            }
            conditionsCost += condition.map(c -> c.cost().cost()).orElse(0);
            worstWeightsCost = Math.max(worstWeightsCost, weightsCost);
            if (condition.isPresent() && forceScale.isPresent()) {
                sources.add(new RuleSource(rule, path, condition.get(), forceScale.get(), weights));
            }
        }
        if (problems.isEmpty() && conditionsCost + worstWeightsCost > BehaviorLimits.MAX_DECISION_COST) {
            problems.add(Diagnostic.at(ErrorCode.DOCUMENT_TOO_COSTLY, "/rules", "the worst decision path costs "
                    + (conditionsCost + worstWeightsCost) + " (every condition plus the costliest rule's forceScale and weights); at most "
                    + BehaviorLimits.MAX_DECISION_COST));
        }
        if (!problems.isEmpty()) {
            return new CompileResult(null, ValidationReport.of(problems));
        }
        CompiledBehavior behavior = build(document, expressions, sources);
        List<Diagnostic> dryRun = DryRun.run(behavior);
        return dryRun.isEmpty() ? new CompileResult(behavior, ValidationReport.of(List.of()))
                : new CompileResult(null, ValidationReport.of(dryRun));
    }

    private record RuleSource(Rule rule, String path, ExpressionCompiler.Compiled condition,
                              ExpressionCompiler.Compiled forceScale, List<ExpressionCompiler.Compiled> weights) {
    }

    private static CompiledBehavior build(BehaviorDocument document, ExpressionCompiler expressions, List<RuleSource> sources) {
        List<CompiledBehavior.CompiledRule> rules = new ArrayList<>();
        for (RuleSource source : sources) {
            List<CompiledBehavior.CompiledEntry> entries = new ArrayList<>();
            for (int j = 0; j < source.weights().size(); j++) {
                SteerEntry entry = source.rule().steer().get(j);
                entries.add(new CompiledBehavior.CompiledEntry(entry.primitive(), entry.target(),
                        JsonPointer.child(source.path() + "/steer", j), program(source.weights().get(j).ast())));
            }
            rules.add(new CompiledBehavior.CompiledRule(source.rule().name(), source.path(),
                    program(source.condition().ast()), program(source.forceScale().ast()), entries));
        }
        CelRuntime.Program decision = program(expressions.compileTrusted(decisionSource(sources)));
        return new CompiledBehavior(document, rules, decision, DryRun.values(document, ParamSpec::defaultValue));
    }

    /**
     * The whole decision as one expression: {@code c0 ? [0.0, f0, w00, ...] : c1 ? [1.0, f1, ...] : [-1.0]} (rule
     * index, forceScale, weights). Each part
     * sits on its own lines so that a trailing {@code //} comment in it cannot swallow what follows.
     */
    private static String decisionSource(List<RuleSource> sources) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            RuleSource source = sources.get(i);
            text.append("(\n").append(source.condition().source()).append("\n) ? [").append(i).append(".0, (\n")
                    .append(source.forceScale().source()).append("\n)");
            for (ExpressionCompiler.Compiled weight : source.weights()) {
                text.append(", (\n").append(weight.source()).append("\n)");
            }
            text.append("] :\n");
        }
        return text.append("[-1.0]").toString();
    }

    private static CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return CelEnvironment.RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL could not plan a checked expression: " + e.getMessage(), e);
        }
    }
}
