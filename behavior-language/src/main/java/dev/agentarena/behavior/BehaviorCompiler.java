package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a behavior document into a {@link CompiledBehavior}: parse, structure checks, every expression
 * compiled, limited and planned, then a dry run over edge-case perceptions. Compilation is the expensive step
 * (milliseconds); do it once per document version.
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
            return new CompileResult(null, ValidationReport.of(List.of(Diagnostic.at(DiagnosticCode.INTERNAL_ERROR, "",
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
        List<CompiledBehavior.CheckedRule> checked = new ArrayList<>();
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
                checked.add(new CompiledBehavior.CheckedRule(rule, path, condition.get().ast(), forceScale.get().ast(),
                        weights.stream().map(ExpressionCompiler.Compiled::ast).toList()));
            }
        }
        if (problems.isEmpty() && conditionsCost + worstWeightsCost > BehaviorLimits.MAX_DECISION_COST) {
            problems.add(Diagnostic.at(DiagnosticCode.DOCUMENT_TOO_COSTLY, "/rules", "the worst decision path costs "
                    + (conditionsCost + worstWeightsCost) + " (every condition plus the costliest rule's forceScale and weights); at most "
                    + BehaviorLimits.MAX_DECISION_COST));
        }
        if (!problems.isEmpty()) {
            return new CompileResult(null, ValidationReport.of(problems));
        }
        CompiledBehavior behavior = new CompiledBehavior(document, checked, DryRun.values(document, ParamSpec::defaultValue));
        List<Diagnostic> dryRun = DryRun.run(behavior);
        return dryRun.isEmpty() ? new CompileResult(behavior, ValidationReport.of(List.of()))
                : new CompileResult(null, ValidationReport.of(dryRun));
    }
}
