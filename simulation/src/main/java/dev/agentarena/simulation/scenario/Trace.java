package dev.agentarena.simulation.scenario;

import java.util.List;

/**
 * What a scenario run looked like: the traced agents every {@code sampleEvery} ticks (and at the last tick),
 * and the hits and kills among all agents, in order.
 */
public record Trace(int sampleEvery, List<String> agents, List<Sample> samples, List<Event> events) {

    /** The traced agents at one tick, in the order of {@link Trace#agents()}. */
    public record Sample(long tick, List<AgentSample> agents) {
    }

    /**
     * One agent at one tick.
     *
     * @param state the state shown to clients: its rule's name, SPAWNED, SCRIPTED or DEAD
     */
    public record AgentSample(double x, double y, double health, String state) {
    }

    /**
     * A hit or a kill between two named agents (or {@code target} "" for damage by the environment).
     *
     * @param type "hit" or "kill"
     */
    public record Event(long tick, String type, String agent, String target, double damage) {
    }
}
