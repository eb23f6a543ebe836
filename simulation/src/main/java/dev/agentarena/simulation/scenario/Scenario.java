package dev.agentarena.simulation.scenario;

import dev.agentarena.contracts.config.ArenaConfig;

import java.util.List;

/**
 * A checked scenario document (docs/scenarios.md): an arena, agents placed in it, how long to run, and what
 * should happen. Built by {@link ScenarioParser}; run by {@link ScenarioRunner}.
 *
 * @param config      the arena: the defaults with the document's fields, its seed in force
 * @param sampleEvery the trace samples the traced agents every this many ticks
 * @param traced      names of the agents in the trace (every agent unless the document lists some)
 */
public record Scenario(String name, String description, ArenaConfig config, int ticks, int sampleEvery,
                       List<ScenarioAgent> agents, List<String> traced, List<Expectation> expectations) {

    /** The agent named {@code name}; the parser guarantees that every name an expectation uses exists. */
    public ScenarioAgent agent(String name) {
        return agents.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent '" + name + "' in scenario " + this.name));
    }
}
