package dev.agentarena.bench;

import dev.agentarena.simulation.Simulation;
import dev.agentarena.simulation.StateCapture;
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
 * What a checkpoint costs the world's thread, for a warmed-up world of 1k or 10k agents: {@link Simulation#capture}
 * into a reused {@link StateCapture} (the world thread copies its state; writing, encoding and sending it happen on
 * another thread), against {@link Simulation#saveState(StateWriter)} into a reused writer (the world thread writes
 * the state itself). Compare with {@link SimulationTickBenchmark#tick()} of the same world in the same run.
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
    private final StateCapture captured = new StateCapture();

    @Setup
    public void setUp() {
        simulation = BenchWorlds.simulation(agents);
        BenchWorlds.warmUp(simulation);
        simulation.capture(captured);
    }

    /** The world thread's part of a checkpoint taken as a capture: the state copied into the capture it reuses. */
    @Benchmark
    public StateCapture capture() {
        simulation.capture(captured);
        return captured;
    }

    /** What the checkpoint's other thread then does before encoding: the capture written into a reused writer. */
    @Benchmark
    public int writeCapture() {
        captured.writeTo(writer.reset());
        return writer.size();
    }

    /** The world thread writing the state itself into a reused writer, as before the capture. */
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
