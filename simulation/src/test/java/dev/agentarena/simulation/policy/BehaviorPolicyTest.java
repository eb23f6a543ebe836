package dev.agentarena.simulation.policy;

import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Perception;
import dev.agentarena.behavior.Primitive;
import dev.agentarena.simulation.SteeringPlan;
import dev.agentarena.simulation.TargetKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default document through the engine's adapter: the simulation's perceptions in, the prototype's
 * priorities and thresholds out (the document's own test compares it with the recorded Java decision).
 */
class BehaviorPolicyTest {

    private static final DecisionPolicy DEFAULT = new BuiltInPolicies().defaultPolicy();

    private static SteeringPlan decide(Perception perception) {
        SteeringPlan plan = new SteeringPlan().reset();
        DEFAULT.decide(perception, plan);
        return plan;
    }

    @Test
    void fleesBelowThirtyPercentHealthWhenAnEnemyIsInSight() {
        SteeringPlan plan = decide(Perception.builder().health(29, 100).nearestEnemy(80, 100).enemies(1, 1, 0)
                .allies(3, 3, 0, 3).build());
        assertThat(plan.label()).isEqualTo("FLEE");
        assertThat(plan.weight(Primitive.EVADE)).isEqualTo(1);
        assertThat(plan.weight(Primitive.ATTACK)).isZero();
    }

    @Test
    void fleesWhenOutnumberedWithinRecognitionAndUnderSeventyPercent() {
        Perception outnumbered = Perception.builder().health(69, 100).nearestEnemy(60, 100).enemies(3, 3, 0)
                .allies(1, 1, 0, 1).build();
        assertThat(decide(outnumbered).label()).isEqualTo("FLEE");
        Perception healthy = Perception.builder().health(71, 100).nearestEnemy(60, 100).enemies(3, 3, 0)
                .allies(1, 1, 0, 1).build();
        assertThat(decide(healthy).label()).isEqualTo("ATTACK");
        Perception even = Perception.builder().health(50, 100).nearestEnemy(60, 100).enemies(2, 2, 0)
                .allies(1, 1, 0, 1).build();
        assertThat(decide(even).label()).isEqualTo("ATTACK");
    }

    @Test
    void attacksAVisibleEnemyWithPursuitAtOnePointTwoTimesMaxForce() {
        SteeringPlan plan = decide(Perception.builder().health(100, 100).nearestEnemy(140, 100).enemies(1, 0, 0)
                .build());
        assertThat(plan.label()).isEqualTo("ATTACK");
        assertThat(plan.target()).isEqualTo(TargetKind.NEAREST_ENEMY);
        assertThat(plan.forceScale()).isEqualTo(1.2);
        assertThat(plan.weight(Primitive.PURSUE)).isEqualTo(1);
    }

    @Test
    void holdsBackWhenOutnumberedWithNoAllyNear() {
        SteeringPlan plan = decide(Perception.builder().health(100, 100).nearestEnemy(90, 100).enemies(3, 3, 0)
                .allies(0, 0, 0, 0).build());
        assertThat(plan.label()).isEqualTo("WANDER");
    }

    @Test
    void wandersTogetherWithAlliesNearAndAloneOtherwise() {
        assertThat(decide(Perception.builder().allies(2, 2, 0, 2).build()).label()).isEqualTo("WANDER_TOGETHER");
        assertThat(decide(Perception.builder().build()).label()).isEqualTo("WANDER");
    }
}
