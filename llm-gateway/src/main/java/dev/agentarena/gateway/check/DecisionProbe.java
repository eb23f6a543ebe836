package dev.agentarena.gateway.check;

import dev.agentarena.behavior.BehaviorEvaluationException;
import dev.agentarena.behavior.CompiledBehavior;
import dev.agentarena.behavior.Primitive;
import dev.agentarena.behavior.SteeringDecision;
import dev.agentarena.behavior.Target;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmExpectation;
import dev.agentarena.contracts.messages.LlmExpectation.Outcome;

import java.util.EnumSet;
import java.util.Set;

/**
 * Runs one think of a compiled behavior in an expectation's situation and tells whether the decision shows
 * the expected outcome. This measures what the agent decides, not where it ends up: that is the scenario
 * run's job ({@link ScenarioRunAdapter}).
 */
public final class DecisionProbe {

    private static final Set<Primitive> TOWARDS = EnumSet.of(Primitive.SEEK, Primitive.PURSUE, Primitive.ARRIVE);
    private static final Set<Primitive> AWAY = EnumSet.of(Primitive.FLEE, Primitive.EVADE);
    private static final Set<Primitive> MOVING = EnumSet.of(Primitive.SEEK, Primitive.PURSUE, Primitive.ARRIVE,
            Primitive.FLEE, Primitive.EVADE, Primitive.WANDER, Primitive.PATROL);

    private DecisionProbe() {
    }

    public static LlmCheck check(CompiledBehavior behavior, LlmExpectation expectation) {
        String scenario = "one think: " + Situations.describe(expectation);
        String expected = Situations.describe(expectation.outcome());
        SteeringDecision decision = new SteeringDecision();
        try {
            behavior.decide(Situations.perception(expectation), decision);
        } catch (BehaviorEvaluationException e) {
            return new LlmCheck(scenario, expected, true, false, "the think failed: " + e.getMessage());
        }
        String measured = decision.matched() ? "rule " + decision : "no rule applied";
        return new LlmCheck(scenario, expected, true, shows(decision, expectation.outcome()), measured);
    }

    /** Whether {@code decision} shows {@code outcome}; weights are compared, so a token pull does not count. */
    public static boolean shows(SteeringDecision decision, Outcome outcome) {
        if (!decision.matched() || outcome == null) {
            return false;
        }
        Target target = decision.target();
        boolean enemyTarget = target != null && target.isEnemyAgent();
        double towards = sum(decision, TOWARDS);
        double away = sum(decision, AWAY);
        return switch (outcome) {
            case MOVES_AWAY_FROM_ENEMY -> enemyTarget && away > 0 && away > towards;
            case MOVES_TOWARD_ENEMY -> enemyTarget && towards > 0 && towards > away;
            case MOVES_TOWARD_WEAKEST_ENEMY -> target == Target.WEAKEST_ENEMY && towards > 0 && towards > away;
            case STRIKES_ENEMY -> decision.weightOf(Primitive.ATTACK) > 0;
            case STAYS_WITH_ALLIES -> decision.weightOf(Primitive.COHESION) > 0 || target == Target.NEAREST_ALLY && towards > 0;
            case MOVES_TOWARD_ALLY -> target == Target.NEAREST_ALLY && towards > 0;
            case HOLDS_POSITION -> decision.weightOf(Primitive.HOLD) > 0 && decision.weightOf(Primitive.HOLD) >= sum(decision, MOVING);
            case WANDERS -> decision.weightOf(Primitive.WANDER) > 0 && decision.weightOf(Primitive.WANDER) >= towards + away;
            case GOES_HOME -> target == Target.HOME && towards > 0 || decision.weightOf(Primitive.PATROL) > 0;
        };
    }

    private static double sum(SteeringDecision decision, Set<Primitive> primitives) {
        double total = 0;
        for (Primitive primitive : primitives) {
            total += decision.weightOf(primitive);
        }
        return total;
    }
}
