package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates a compiled behavior over the {@link EdgeCases} with its params at their defaults, minimums and
 * maximums, exactly as a think would (conditions in order, then the deciding rule's weights), and reports
 * every weight that is NaN, infinite or outside the documented range, with the perception that produced it.
 */
final class DryRun {

    private DryRun() {
    }

    static List<Diagnostic> run(CompiledBehavior behavior) {
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Map.Entry<String, Map<String, Double>> params : paramSets(behavior.document()).entrySet()) {
            CompiledBehavior variant = behavior.withParams(params.getValue());
            for (FixedPerception perception : EdgeCases.PERCEPTIONS) {
                String situation = "in the dry-run perception '" + perception.label() + "'" + params.getKey();
                check(variant, perception, situation, problems, reported);
            }
        }
        return problems;
    }

    /** Walks the decision like {@link CompiledBehavior#decide}, checking raw values before any clamping. */
    private static void check(CompiledBehavior behavior, FixedPerception perception, String situation,
                              List<Diagnostic> problems, Set<String> reported) {
        for (CompiledBehavior.PlannedRule rule : behavior.rules()) {
            if (!rule.condition().eval(perception)) {
                continue;
            }
            checkRange("forceScale", rule.forceScale().eval(perception), BehaviorLimits.MIN_FORCE_SCALE,
                    BehaviorLimits.MAX_FORCE_SCALE, rule.forceScalePath(), situation, problems, reported);
            for (CompiledBehavior.PlannedEntry entry : rule.entries()) {
                checkRange("weight", entry.weight().eval(perception), BehaviorLimits.MIN_WEIGHT,
                        BehaviorLimits.MAX_WEIGHT, entry.weightPath(), situation, problems, reported);
            }
            return;
        }
    }

    private static void checkRange(String what, double value, double min, double max, String path, String situation,
                                   List<Diagnostic> problems, Set<String> reported) {
        if (!Double.isFinite(value) && reported.add(path)) {
            problems.add(Diagnostic.at(DiagnosticCode.NOT_FINITE, path, "the " + what + " is " + value + " " + situation
                    + "; guard divisions and square roots"));
        } else if ((value < min || value > max) && reported.add(path)) {
            problems.add(Diagnostic.at(DiagnosticCode.OUT_OF_RANGE, path, "the " + what + " is " + value + " " + situation
                    + "; it must lie in [" + min + ", " + max + "] (math.least / math.greatest can bound it)"));
        }
    }

    /** Param values to try, labelled for messages: all defaults, then all at min, then all at max. */
    private static Map<String, Map<String, Double>> paramSets(BehaviorDocument document) {
        Map<String, Map<String, Double>> sets = new LinkedHashMap<>();
        sets.put("", values(document, ParamSpec::defaultValue));
        if (!document.paramsOrEmpty().isEmpty()) {
            sets.put(" with every param at its min", values(document, ParamSpec::min));
            sets.put(" with every param at its max", values(document, ParamSpec::max));
        }
        return sets;
    }

    static Map<String, Double> values(BehaviorDocument document, Function<ParamSpec, Double> pick) {
        Map<String, Double> values = new LinkedHashMap<>();
        document.paramsOrEmpty().forEach((name, spec) -> values.put(CelEnvironment.PARAMS_PREFIX + name, pick.apply(spec)));
        return values;
    }
}
