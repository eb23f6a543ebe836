package dev.agentarena.bench;

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
 * One whole tick (respawns, grid, decisions, steering, movement with walls, combat, rounds) of a world with
 * 1k, 10k or 50k agents at the default density, on one thread. Divide the score by the agent count for the
 * cost per agent-tick; run with {@code -prof gc} for bytes allocated per tick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SimulationTickBenchmark {

    @Param({"1000", "10000", "50000"})
    int agents;

    private Simulation simulation;

    @Setup
    public void setUp() {
        simulation = BenchWorlds.simulation(agents);
        BenchWorlds.warmUp(simulation);
    }

    @Benchmark
    public long tick() {
        simulation.step();
        return simulation.tick();
    }
}
