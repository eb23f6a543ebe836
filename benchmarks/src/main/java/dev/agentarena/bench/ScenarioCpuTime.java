package dev.agentarena.bench;

import dev.agentarena.simulation.policy.ScenarioPolicies;
import dev.agentarena.simulation.scenario.Scenario;
import dev.agentarena.simulation.scenario.ScenarioParser;
import dev.agentarena.simulation.scenario.ScenarioRunner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CPU time of the {@link ScenarioRunBenchmark} scenario run, per run, read from the running thread: on a
 * shared, overloaded machine the wall time JMH measures includes waiting for a core, the CPU time does not.
 * Usage: {@code ScenarioCpuTime [runs]} (default 300, after 100 warm-up runs).
 */
public final class ScenarioCpuTime {

    private ScenarioCpuTime() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ScenarioRunner runner = new ScenarioRunner(ScenarioPolicies.builtIns());
        Scenario scenario = ScenarioParser.parse(ScenarioRunBenchmark.fiftyAgents());
        for (int i = 0; i < 100; i++) {
            runner.run(scenario);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = threads.getCurrentThreadCpuTime();
            runner.run(scenario);
            ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "50 agents x 600 ticks, %d runs, CPU ms per run: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n",
                runs, ms[runs / 2], ms[runs * 9 / 10], ms[runs * 99 / 100], ms[runs - 1]);
    }
}
