package dev.agentarena.bench;

import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Perception;
import dev.agentarena.simulation.SteeringPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One agent-think: a policy deciding from a perception into a steering plan, cycling through 1,024 varied
 * perceptions (alone, with allies, facing enemies, hurt, cornered) so every rule gets its turn. Compares the
 * Java built-in decision, the same decision as the {@code default} document, and a six-rule custom document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BehaviorDecisionBenchmark {

    private static final int PERCEPTIONS = 1024;

    @Param({"default", "six-rules"})
    String behavior;

    private DecisionPolicy policy;
    private final Perception[] perceptions = new Perception[PERCEPTIONS];
    private final SteeringPlan plan = new SteeringPlan();
    private int next;

    @Setup
    public void setUp() {
        policy = BenchBehaviors.policy(behavior);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < PERCEPTIONS; i++) {
            Perception.Builder p = Perception.builder()
                    .health(1 + random.nextDouble() * 99, 100)
                    .velocity(random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1)
                    .allies(random.nextInt(6), random.nextInt(4), random.nextInt(3), random.nextInt(3))
                    .enemies(random.nextInt(6), random.nextInt(4), random.nextInt(3))
                    .nearestWallDistance(random.nextDouble() * 150)
                    .cooldownReady(random.nextBoolean());
            if (random.nextInt(3) > 0) {
                p.nearestEnemy(random.nextDouble() * 150, random.nextDouble() * 100)
                        .weakestEnemy(random.nextDouble() * 150, random.nextDouble() * 100);
            }
            if (random.nextBoolean()) {
                p.nearestAlly(random.nextDouble() * 150, random.nextDouble() * 100);
            }
            perceptions[i] = p.build();
        }
    }

    @Benchmark
    public SteeringPlan decide() {
        Perception perception = perceptions[next];
        next = (next + 1) & (PERCEPTIONS - 1);
        policy.decide(perception, plan.reset());
        return plan;
    }
}
