package dev.agentarena.bench;

import dev.agentarena.simulation.policy.ScenarioPolicies;
import dev.agentarena.simulation.scenario.Scenario;
import dev.agentarena.simulation.scenario.ScenarioParser;
import dev.agentarena.simulation.scenario.ScenarioResult;
import dev.agentarena.simulation.scenario.ScenarioRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole scenario run (goal: 50 agents, 600 ticks in at most 20 ms): two teams of 25 running the
 * {@code default} behavior on a 10 x 5 grid of the default 800 x 600 arena (open layout), with a trace every
 * 10 ticks of every agent and four expectations. {@code run} takes the parsed scenario; {@code parseAndRun}
 * the document, as {@code run_scenario} does (its inline behaviors compiled on every run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ScenarioRunBenchmark {

    private final ScenarioRunner runner = new ScenarioRunner(ScenarioPolicies.builtIns());
    private String document;
    private Scenario scenario;

    @Setup
    public void setUp() {
        document = fiftyAgents();
        scenario = ScenarioParser.parse(document);
        ScenarioResult result = runner.run(scenario);
        if (result.ticks() != 600 || result.stopped() != null) {
            throw new IllegalStateException("the bench scenario did not run whole: " + result.stopped());
        }
    }

    @Benchmark
    public ScenarioResult run() {
        return runner.run(scenario);
    }

    @Benchmark
    public ScenarioResult parseAndRun() {
        return runner.run(document);
    }

    static String fiftyAgents() {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int column = i % 10;
            int row = i / 10;
            agents.add("{\"name\": \"a" + i + "\", \"team\": " + (column < 5 ? 0 : 1) + ", \"position\": ["
                    + (60 + 75 * column) + ", " + (100 + 100 * row) + "], \"behavior\": \"default\"}");
        }
        return "{\"name\": \"bench-50\", \"ticks\": 600, \"seed\": 7, \"arena\": {\"wallLayout\": \"open\"},"
                + " \"trace\": {\"every\": 10}, \"agents\": [" + String.join(", ", agents) + "],"
                + " \"expectations\": [{\"type\": \"inBounds\"}, {\"type\": \"teamKills\", \"team\": 0, \"atLeast\": 1},"
                + " {\"type\": \"distance\", \"a\": \"a0\", \"b\": \"a9\", \"shrinks\": 100},"
                + " {\"type\": \"reaches\", \"agent\": \"a0\", \"rule\": \"ATTACK\", \"byTick\": 600}]}";
    }
}
