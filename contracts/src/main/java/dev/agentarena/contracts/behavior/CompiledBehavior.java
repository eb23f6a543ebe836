package dev.agentarena.contracts.behavior;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.List;
import java.util.Map;

/**
 * A validated behavior, ready to decide. Immutable and thread-safe: one instance serves every agent of every
 * world that runs it. {@link #decide} evaluates the whole decision as a single CEL program (every condition
 * in priority order folded into one conditional chain that yields the deciding rule's weights);
 * {@link #decideTraced} evaluates expression by expression to name the one that failed.
 */
public final class CompiledBehavior {

    /** One rule's compiled parts; {@code path} is the rule's JSON pointer. */
    record CompiledRule(String name, String path, CelRuntime.Program condition, CelRuntime.Program forceScale,
                        List<CompiledEntry> entries) {
    }

    record CompiledEntry(Primitive primitive, Target target, String path, CelRuntime.Program weight) {
    }

    private final BehaviorDocument document;
    private final List<CompiledRule> rules;
    private final CelRuntime.Program decision;
    private final Map<String, Double> params;

    CompiledBehavior(BehaviorDocument document, List<CompiledRule> rules, CelRuntime.Program decision,
                     Map<String, Double> params) {
        this.document = document;
        this.rules = List.copyOf(rules);
        this.decision = decision;
        this.params = Map.copyOf(params);
    }

    public BehaviorDocument document() {
        return document;
    }

    public String name() {
        return document.name();
    }

    public int ruleCount() {
        return rules.size();
    }

    public String ruleName(int index) {
        return rules.get(index).name();
    }

    /** This behavior with other param values (keyed {@code params.<name>}); used by the dry run. */
    CompiledBehavior withParams(Map<String, Double> values) {
        return new CompiledBehavior(document, rules, decision, values);
    }

    /**
     * Decides for one agent: writes the deciding rule and its clamped weights into {@code out}.
     *
     * @throws BehaviorEvaluationException if the evaluation fails or a weight is NaN or infinite
     */
    public void decide(Perception perception, SteeringDecision out) {
        List<?> values;
        try {
            values = (List<?>) decision.eval(new PerceptionResolver(perception, params));
        } catch (CelEvaluationException | RuntimeException e) {
            throw new BehaviorEvaluationException(ErrorCode.EVALUATION_FAILED, "", "evaluation failed: " + e.getMessage(), e);
        }
        int index = (int) ((Double) values.get(0)).doubleValue();
        if (index < 0) {
            out.clear();
            return;
        }
        CompiledRule rule = rules.get(index);
        out.rule(index, rule.name(), checkedForceScale(rule, (Double) values.get(1)));
        for (int i = 0; i < rule.entries().size(); i++) {
            CompiledEntry entry = rule.entries().get(i);
            out.add(entry.primitive(), entry.target(), checkedWeight(entry, (Double) values.get(i + 2)));
        }
    }

    /** Like {@link #decide}, one expression at a time, so a failure names the expression that caused it. */
    public void decideTraced(Perception perception, SteeringDecision out) {
        PerceptionResolver resolver = new PerceptionResolver(perception, params);
        for (int index = 0; index < rules.size(); index++) {
            CompiledRule rule = rules.get(index);
            if ((Boolean) evaluate(rule.condition(), resolver, rule.path() + "/condition")) {
                out.rule(index, rule.name(), checkedForceScale(rule,
                        (Double) evaluate(rule.forceScale(), resolver, rule.path() + "/forceScale")));
                for (CompiledEntry entry : rule.entries()) {
                    Double weight = (Double) evaluate(entry.weight(), resolver, entry.path() + "/weight");
                    out.add(entry.primitive(), entry.target(), checkedWeight(entry, weight));
                }
                return;
            }
        }
        out.clear();
    }

    /** The weight as the engine uses it; a value outside the documented range is clamped, a non-finite one fails. */
    private static double checkedWeight(CompiledEntry entry, double weight) {
        if (!Double.isFinite(weight)) {
            throw new BehaviorEvaluationException(ErrorCode.NOT_FINITE, entry.path() + "/weight",
                    "the weight of '" + entry.primitive().id() + "' is " + weight, null);
        }
        return Math.max(BehaviorLimits.MIN_WEIGHT, Math.min(BehaviorLimits.MAX_WEIGHT, weight));
    }

    private static double checkedForceScale(CompiledRule rule, double scale) {
        if (!Double.isFinite(scale)) {
            throw new BehaviorEvaluationException(ErrorCode.NOT_FINITE, rule.path() + "/forceScale",
                    "the forceScale of rule '" + rule.name() + "' is " + scale, null);
        }
        return Math.max(BehaviorLimits.MIN_FORCE_SCALE, Math.min(BehaviorLimits.MAX_FORCE_SCALE, scale));
    }

    /** The raw value of one expression (the dry run checks ranges before any clamping). */
    static Object evaluate(CelRuntime.Program program, PerceptionResolver resolver, String path) {
        try {
            return program.eval(resolver);
        } catch (CelEvaluationException | RuntimeException e) {
            throw new BehaviorEvaluationException(ErrorCode.EVALUATION_FAILED, path, "evaluation failed: " + e.getMessage(), e);
        }
    }

    List<CompiledRule> rules() {
        return rules;
    }

    Map<String, Double> params() {
        return params;
    }

    @Override
    public String toString() {
        return "CompiledBehavior[" + document.name() + ", " + rules.size() + " rules]";
    }
}
