package dev.agentarena.bench;

import dev.agentarena.simulation.Simulation;
import dev.agentarena.engine.stream.BinarySerializer;
import dev.agentarena.engine.stream.ClientStream;
import dev.agentarena.engine.stream.WorldCopy;
import io.vertx.core.buffer.Buffer;
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
 * The two halves of a snapshot: {@code copy} is what the world's thread does at the broadcast rate (copy the
 * simulation into a pooled buffer; run with {@code -prof gc}: it must allocate nothing), {@code encode} what
 * the encoder thread does with it (quantize into the serializer's newest frame and write the delta one client
 * shares with every other client on the same baseline). The encode replays {@value #FRAMES} consecutive
 * snapshots of a running world (one every 3 ticks), so its deltas carry real motion, deaths and respawns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SnapshotStreamBenchmark {

    static final int FRAMES = 16;

    @Param({"1000", "10000"})
    int agents;

    private Simulation simulation;
    private final WorldCopy copy = new WorldCopy();
    private final WorldCopy.LogCursor cursor = new WorldCopy.LogCursor();
    private final WorldCopy[] recorded = new WorldCopy[FRAMES];
    private BinarySerializer serializer;
    private ClientStream client;
    private int next;

    @Setup
    public void setUp() {
        simulation = BenchWorlds.simulation(agents);
        BenchWorlds.warmUp(simulation);
        for (int i = 0; i < FRAMES; i++) {
            for (int t = 0; t < 3; t++) {
                simulation.step();
            }
            recorded[i] = new WorldCopy();
            recorded[i].fill(simulation, 1, true, cursor);
        }
        serializer = new BinarySerializer("bench");
        client = serializer.newClient();
        serializer.append(recorded[0]);
        client.nextFrame().get();
    }

    @Benchmark
    public long copy() {
        copy.fill(simulation, 1, true, cursor);
        return copy.tick();
    }

    /** One frame: quantize, then the shared delta (replaying the recording forwards, then backwards). */
    @Benchmark
    public int encode() {
        next++;
        int i = next % (2 * FRAMES - 2);
        serializer.append(recorded[i < FRAMES ? i : 2 * FRAMES - 2 - i]);
        Buffer delta = client.nextFrame().get();
        return delta.length();
    }
}
