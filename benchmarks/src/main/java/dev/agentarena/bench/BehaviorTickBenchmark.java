package dev.agentarena.bench;

import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Simulation;
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

import java.util.concurrent.TimeUnit;

/**
 * One whole tick of the 10,000-agent bench world with every agent driven by the Java built-in decision,
 * the {@code default} document or the six-rule custom document (see {@link BenchBehaviors}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BehaviorTickBenchmark {

    @Param({"10000"})
    int agents;

    @Param({"default", "six-rules"})
    String behavior;

    private Simulation simulation;

    @Setup
    public void setUp() {
        simulation = BenchWorlds.simulation(agents);
        DecisionPolicy policy = BenchBehaviors.policy(behavior);
        for (int team = 0; team < simulation.teamCount(); team++) {
            simulation.setTeamPolicy(team, behavior, policy);
        }
        BenchWorlds.warmUp(simulation);
        if (simulation.policyFailures() > 0) {
            throw new IllegalStateException(behavior + " failed " + simulation.policyFailures() + " decisions");
        }
    }

    @Benchmark
    public long tick() {
        simulation.step();
        return simulation.tick();
    }
}
