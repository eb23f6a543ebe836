package dev.agentarena.simulation.scenario;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.simulation.CombatObserver;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a scenario headless and judges it: a scenario document in, a {@link ScenarioResult} with a verdict per
 * expectation and a trace out (docs/scenarios.md). Deterministic: the same document gives the same result,
 * but for {@code elapsedMs} and a run stopped by its CPU-time budget. A runner keeps nothing between runs
 * and may be used by several threads at once; a run uses its calling thread only.
 */
public final class ScenarioRunner {

    /** How often (in ticks) a run reads its CPU time. */
    private static final int BUDGET_CHECK_TICKS = 32;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ScenarioBehaviors behaviors;
    private final long cpuBudgetNanos;

    public ScenarioRunner(ScenarioBehaviors behaviors) {
        this(behaviors, ScenarioLimits.DEFAULT_CPU_BUDGET_MS);
    }

    /** A runner that stops a run after {@code cpuBudgetMs} of CPU time (of the running thread). */
    public ScenarioRunner(ScenarioBehaviors behaviors, long cpuBudgetMs) {
        if (cpuBudgetMs < 1) {
            throw new IllegalArgumentException("a CPU budget of at least 1 ms");
        }
        this.behaviors = behaviors;
        this.cpuBudgetNanos = cpuBudgetMs * 1_000_000;
    }

    /** Parses, checks and runs a scenario document; an {@link InvalidScenarioException} lists what is wrong. */
    public ScenarioResult run(String document) {
        return run(ScenarioParser.parse(document));
    }

    /** Runs a parsed scenario; an {@link InvalidScenarioException} names a behavior or a spot that fails. */
    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        DecisionPolicy fallback = behaviors.find(BuiltInBehaviors.DEFAULT).orElseThrow(() ->
                new IllegalStateException("the behaviors have no '" + BuiltInBehaviors.DEFAULT + "'"));
        Simulation sim = new Simulation(scenario.config(), ScenarioLimits.TICKS_PER_SECOND, BuiltInBehaviors.DEFAULT,
                fallback);
        ScenarioRun run = new ScenarioRun(sim, place(scenario, sim));
        List<ExpectationCheck> checks = scenario.expectations().stream().map(e -> ExpectationCheck.of(e, run)).toList();
        TraceRecorder trace = new TraceRecorder(scenario, run);
        sim.observeCombat(new CombatObserver() {
            @Override
            public void struck(int attacker, int victim, double damage) {
                long tick = sim.tick() + 1;
                checks.forEach(c -> c.struck(tick, attacker, victim));
                trace.event(tick, "hit", attacker, victim, damage);
            }

            @Override
            public void killed(int victim, int killer) {
                long tick = sim.tick() + 1;
                checks.forEach(c -> c.killed(tick, victim, killer));
                trace.event(tick, "kill", killer, victim, 0);
            }
        });
        checks.forEach(c -> c.observe(0));
        trace.sample(0);
        long cpuStart = cpuTime();
        String stopped = null;
        for (int t = 1; t <= scenario.ticks(); t++) {
            sim.step();
            for (ExpectationCheck check : checks) {
                check.observe(t);
            }
            if (t % scenario.sampleEvery() == 0 || t == scenario.ticks()) {
                trace.sample(t);
            }
            if (t % BUDGET_CHECK_TICKS == 0 && cpuTime() - cpuStart > cpuBudgetNanos) {
                stopped = "stopped at tick " + t + " of " + scenario.ticks() + ": over the CPU-time budget of "
                        + cpuBudgetNanos / 1_000_000 + " ms";
                trace.sample(t);
                break;
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            verdicts.add(checks.get(i).verdict(i));
        }
        return new ScenarioResult(scenario.name(), verdicts, trace.trace(), sim.tick(), stopped,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Places every agent and gives it its behavior; returns each agent's slot by name. */
    private Map<String, Integer> place(Scenario scenario, Simulation sim) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < scenario.agents().size(); i++) {
            ScenarioAgent agent = scenario.agents().get(i);
            String path = "/agents/" + i;
            Optional<DecisionPolicy> policy = Optional.empty();
            if (agent.behaviorId() != null) {
                policy = behaviors.find(agent.behaviorId());
                if (policy.isEmpty()) {
                    errors.add(new FieldError(path + "/behavior", "UNKNOWN_BEHAVIOR", "no behavior '"
                            + agent.behaviorId() + "'; built-ins: " + BuiltInBehaviors.IDS));
                    continue;
                }
            } else if (agent.inline() != null) {
                policy = Optional.of(behaviors.policy(agent.inline()));
            }
            long id;
            try {
                id = sim.placeAgent(agent.placement());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path + "/position", "BLOCKED", e.getMessage()));
                continue;
            }
            String behaviorId = agent.behaviorId() != null ? agent.behaviorId() : "inline:" + agent.name();
            policy.ifPresent(p -> sim.setAgentPolicy(id, behaviorId, p));
            slots.put(agent.name(), slotOf(sim, id));
        }
        if (!errors.isEmpty()) {
            throw new InvalidScenarioException(errors);
        }
        return slots;
    }

    private static int slotOf(Simulation sim, long id) {
        for (int s = 0; s < sim.slots(); s++) {
            if (sim.used(s) && sim.id(s) == id) {
                return s;
            }
        }
        throw new IllegalStateException("agent " + id + " was just placed but has no slot");
    }

    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
