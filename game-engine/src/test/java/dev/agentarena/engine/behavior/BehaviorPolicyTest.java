package dev.agentarena.engine.behavior;

import dev.agentarena.contracts.behavior.BuiltInBehaviors;
import dev.agentarena.engine.sim.BuiltInDecision;
import dev.agentarena.engine.sim.Perception;
import dev.agentarena.engine.sim.Primitive;
import dev.agentarena.engine.sim.SteeringPlan;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviorPolicyTest {

    @Test
    void defaultDocumentDecidesExactlyAsTheJavaBuiltIn() {
        BehaviorPolicy document = new BehaviorPolicy(BuiltInBehaviors.compiled(BuiltInBehaviors.DEFAULT));
        SteeringPlan expected = new SteeringPlan();
        SteeringPlan actual = new SteeringPlan();
        SplittableRandom random = new SplittableRandom(3);
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            Perception p = randomPerception(random);
            BuiltInDecision.INSTANCE.decide(p, expected.reset());
            document.decide(p, actual.reset());
            assertThat(actual.label()).as("perception %d", i).isEqualTo(expected.label());
            assertThat(actual.target()).isEqualTo(expected.target());
            assertThat(actual.forceScale()).isEqualTo(expected.forceScale());
            for (Primitive primitive : Primitive.values()) {
                assertThat(actual.weight(primitive)).as("%s in %s", primitive, expected.label()).isEqualTo(expected.weight(primitive));
            }
            labels.add(expected.label());
        }
        assertThat(labels).containsExactlyInAnyOrder("FLEE", "ATTACK", "WANDER_TOGETHER", "WANDER");
    }

    /** Perceptions spread around the decision thresholds, so that every state of the decision occurs. */
    private static Perception randomPerception(SplittableRandom random) {
        int enemiesCombat = random.nextInt(3);
        int enemiesRecognition = enemiesCombat + random.nextInt(4);
        int enemiesVisual = enemiesRecognition + random.nextInt(3);
        int alliesRecognition = random.nextInt(3);
        Perception.Builder b = Perception.builder()
                .health(random.nextInt(11) * 10, 100)
                .position(random.nextDouble() * 800, random.nextDouble() * 600)
                .velocity(random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1)
                .enemies(enemiesVisual, enemiesRecognition, enemiesCombat)
                .allies(alliesRecognition + random.nextInt(2), alliesRecognition, 0, random.nextInt(3))
                .team(0, 5, random.nextInt(4))
                .roundTimeLeft(random.nextBoolean() ? Double.POSITIVE_INFINITY : random.nextDouble() * 300);
        if (enemiesVisual > 0) {
            b.nearestEnemy(10 + random.nextDouble() * 140, random.nextDouble() * 100)
                    .weakestEnemy(10 + random.nextDouble() * 140, random.nextDouble() * 100);
        }
        if (random.nextBoolean()) {
            b.nearestAlly(random.nextDouble() * 150, random.nextDouble() * 100);
        }
        return b.build();
    }
}
