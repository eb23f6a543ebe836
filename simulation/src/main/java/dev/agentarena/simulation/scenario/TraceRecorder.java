package dev.agentarena.simulation.scenario;

import dev.agentarena.simulation.Simulation;

import java.util.ArrayList;
import java.util.List;

/** Builds a run's {@link Trace}: samples of the traced agents, and the hits and kills as they happen. */
final class TraceRecorder {

    private final ScenarioRun run;
    private final List<String> names;
    private final int[] slots;
    private final int sampleEvery;
    private final List<Trace.Sample> samples = new ArrayList<>();
    private final List<Trace.Event> events = new ArrayList<>();

    TraceRecorder(Scenario scenario, ScenarioRun run) {
        this.run = run;
        names = scenario.traced();
        slots = names.stream().mapToInt(run::slot).toArray();
        sampleEvery = scenario.sampleEvery();
    }

    /** Samples the traced agents at world tick {@code tick}, once per tick. */
    void sample(long tick) {
        if (!samples.isEmpty() && samples.get(samples.size() - 1).tick() == tick) {
            return;
        }
        Simulation sim = run.sim;
        List<Trace.AgentSample> agents = new ArrayList<>(slots.length);
        for (int slot : slots) {
            agents.add(new Trace.AgentSample(sim.x(slot), sim.y(slot), sim.alive(slot) ? sim.health(slot) : 0,
                    sim.state(slot)));
        }
        samples.add(new Trace.Sample(tick, List.copyOf(agents)));
    }

    void event(long tick, String type, int agent, int target, double damage) {
        events.add(new Trace.Event(tick, type, run.name(agent), run.name(target), damage));
    }

    Trace trace() {
        return new Trace(sampleEvery, names, List.copyOf(samples), List.copyOf(events));
    }
}
