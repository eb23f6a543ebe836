package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.cel.common.CelAbstractSyntaxTree;

import java.util.List;
import java.util.Map;

/**
 * A validated behavior, ready to decide. Immutable and thread-safe: one instance serves every agent of every
 * world that runs it. Its expressions are planned ({@link ExpressionPlanner}) with the params bound, so a
 * think evaluates the conditions in priority order, then the deciding rule's forceScale and weights, without
 * allocating.
 */
public final class CompiledBehavior {

    /** One rule's type-checked expressions, kept to plan them again with other param values. */
    record CheckedRule(Rule rule, String path, CelAbstractSyntaxTree condition, CelAbstractSyntaxTree forceScale,
                       List<CelAbstractSyntaxTree> weights) {
    }

    /** One rule, planned; the paths are JSON pointers to its expressions. */
    record PlannedRule(String name, String conditionPath, String forceScalePath, FlagTerm condition,
                       NumberTerm forceScale, PlannedEntry[] entries) {
    }

    record PlannedEntry(Primitive primitive, Target target, String weightPath, NumberTerm weight) {
    }

    private final BehaviorDocument document;
    private final List<CheckedRule> checked;
    private final PlannedRule[] rules;

    /** @param params the param values to bind, keyed by full CEL name ({@code params.<name>}) */
    CompiledBehavior(BehaviorDocument document, List<CheckedRule> checked, Map<String, Double> params) {
        this.document = document;
        this.checked = List.copyOf(checked);
        ExpressionPlanner planner = new ExpressionPlanner(params);
        this.rules = this.checked.stream().map(rule -> plan(rule, planner)).toArray(PlannedRule[]::new);
    }

    private static PlannedRule plan(CheckedRule checked, ExpressionPlanner planner) {
        List<SteerEntry> steer = checked.rule().steer();
        PlannedEntry[] entries = new PlannedEntry[steer.size()];
        for (int j = 0; j < entries.length; j++) {
            SteerEntry entry = steer.get(j);
            entries[j] = new PlannedEntry(entry.primitive(), entry.target(),
                    JsonPointer.child(checked.path() + "/steer", j) + "/weight",
                    planner.number(checked.weights().get(j).getExpr()));
        }
        return new PlannedRule(checked.rule().name(), checked.path() + "/condition", checked.path() + "/forceScale",
                planner.flag(checked.condition().getExpr()), planner.number(checked.forceScale().getExpr()), entries);
    }

    public BehaviorDocument document() {
        return document;
    }

    public String name() {
        return document.name();
    }

    public int ruleCount() {
        return rules.length;
    }

    public String ruleName(int index) {
        return rules[index].name();
    }

    /** This behavior with other param values (keyed {@code params.<name>}); used by the dry run. */
    CompiledBehavior withParams(Map<String, Double> values) {
        return new CompiledBehavior(document, checked, values);
    }

    /**
     * Decides for one agent: writes the deciding rule and its clamped weights into {@code out}.
     *
     * @throws BehaviorEvaluationException if the forceScale or a weight is NaN or infinite
     */
    public void decide(PerceptionValues perception, SteeringDecision out) {
        for (int index = 0; index < rules.length; index++) {
            PlannedRule rule = rules[index];
            if (rule.condition().eval(perception)) {
                out.rule(index, rule.name(), checkedForceScale(rule, rule.forceScale().eval(perception)));
                for (PlannedEntry entry : rule.entries()) {
                    out.add(entry.primitive(), entry.target(), checkedWeight(entry, entry.weight().eval(perception)));
                }
                return;
            }
        }
        out.clear();
    }

    /** The weight as the engine uses it; a value outside the documented range is clamped, a non-finite one fails. */
    private static double checkedWeight(PlannedEntry entry, double weight) {
        if (!Double.isFinite(weight)) {
            throw new BehaviorEvaluationException(DiagnosticCode.NOT_FINITE, entry.weightPath(),
                    "the weight of '" + entry.primitive().id() + "' is " + weight);
        }
        return Math.max(BehaviorLimits.MIN_WEIGHT, Math.min(BehaviorLimits.MAX_WEIGHT, weight));
    }

    private static double checkedForceScale(PlannedRule rule, double scale) {
        if (!Double.isFinite(scale)) {
            throw new BehaviorEvaluationException(DiagnosticCode.NOT_FINITE, rule.forceScalePath(),
                    "the forceScale of rule '" + rule.name() + "' is " + scale);
        }
        return Math.max(BehaviorLimits.MIN_FORCE_SCALE, Math.min(BehaviorLimits.MAX_FORCE_SCALE, scale));
    }

    /** The planned rules, for the dry run, which checks raw values before any clamping. */
    PlannedRule[] rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "CompiledBehavior[" + document.name() + ", " + rules.length + " rules]";
    }
}
