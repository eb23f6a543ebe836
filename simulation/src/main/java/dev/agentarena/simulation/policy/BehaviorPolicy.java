package dev.agentarena.simulation.policy;

import dev.agentarena.behavior.CompiledBehavior;
import dev.agentarena.behavior.SteeringDecision;
import dev.agentarena.behavior.Target;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Perception;
import dev.agentarena.simulation.SteeringPlan;
import dev.agentarena.simulation.TargetKind;

/**
 * Runs a compiled behavior-language document as the simulation's {@link DecisionPolicy}. Stateless and shared
 * by every world; per-thread scratch objects and the planned expressions keep a think free of allocation.
 * A NaN or infinite weight or forceScale throws a
 * {@link dev.agentarena.behavior.BehaviorEvaluationException}, which the simulation turns into a
 * fallback decision.
 */
public final class BehaviorPolicy implements DecisionPolicy {

    private static final TargetKind[] TARGETS = new TargetKind[Target.values().length];

    static {
        for (Target t : Target.values()) {
            TARGETS[t.ordinal()] = TargetKind.valueOf(t.name());
        }
    }

    /** One view and one decision per loop thread, reused at every think. */
    private static final class Scratch {
        final PerceptionView view = new PerceptionView();
        final SteeringDecision decision = new SteeringDecision();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final CompiledBehavior behavior;

    public BehaviorPolicy(CompiledBehavior behavior) {
        this.behavior = behavior;
    }

    public CompiledBehavior behavior() {
        return behavior;
    }

    @Override
    public void decide(Perception perception, SteeringPlan plan) {
        Scratch scratch = SCRATCH.get();
        SteeringDecision decision = scratch.decision;
        behavior.decide(scratch.view.of(perception), decision);
        if (!decision.matched()) {
            return;
        }
        plan.label(decision.ruleName()).forceScale(decision.forceScale());
        Target target = decision.target();
        if (target != null) {
            plan.target(TARGETS[target.ordinal()]);
        }
        for (int i = 0; i < decision.entryCount(); i++) {
            plan.weight(decision.primitive(i), decision.weight(i));
        }
    }

    @Override
    public String toString() {
        return "BehaviorPolicy[" + behavior.name() + "]";
    }
}
