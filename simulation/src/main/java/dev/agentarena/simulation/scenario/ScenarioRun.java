package dev.agentarena.simulation.scenario;

import dev.agentarena.simulation.Simulation;

import java.util.Map;

/**
 * A scenario's world while it runs, as the checks see it: the simulation, each agent's slot by name, and the
 * world tick of the latest observation (the first step ends at tick 1).
 */
final class ScenarioRun {

    final Simulation sim;
    private final Map<String, Integer> slots;
    private final String[] names;

    ScenarioRun(Simulation sim, Map<String, Integer> slots) {
        this.sim = sim;
        this.slots = slots;
        names = new String[sim.slots()];
        slots.forEach((name, slot) -> names[slot] = name);
    }

    int slot(String name) {
        return slots.get(name);
    }

    /** The scenario name of the agent in {@code slot}, or "" for none (the environment). */
    String name(int slot) {
        return slot >= 0 && slot < names.length && names[slot] != null ? names[slot] : "";
    }

    double distance(int a, int b) {
        return Math.hypot(sim.x(a) - sim.x(b), sim.y(a) - sim.y(b));
    }
}
