package dev.agentarena.bench;

import dev.agentarena.simulation.Simulation;
import dev.agentarena.simulation.state.StateWriter;
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
 * What a checkpoint costs the world's thread: {@link Simulation#saveState(StateWriter)} of a warmed-up world of 1k or
 * 10k agents into a reused writer (the world thread writes the state; encoding and sending it happen on another
 * thread). Compare with
 * {@link SimulationTickBenchmark#tick()} of the same world in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CheckpointBenchmark {

    @Param({"1000", "10000"})
    int agents;

    private Simulation simulation;
    private final StateWriter writer = new StateWriter();

    @Setup
    public void setUp() {
        simulation = BenchWorlds.simulation(agents);
        BenchWorlds.warmUp(simulation);
    }

    /** What the engine's world thread does: the state into the checkpoint writer it reuses. */
    @Benchmark
    public int saveIntoReusedWriter() {
        simulation.saveState(writer.reset());
        return writer.size();
    }

    /** The one-off form (a fresh array, copied to its exact size), for comparison. */
    @Benchmark
    public byte[] saveState() {
        return simulation.saveState();
    }
}
