package dev.agentarena.simulation;

import dev.agentarena.simulation.state.StateWriter;

/**
 * A copy of a {@link Simulation}'s whole state, taken on the world's thread by {@link Simulation#capture} and
 * written by {@link #writeTo} on any other thread: a checkpoint costs the world's thread a copy of its arrays
 * (column by column, as fast as memory streams) instead of the slot-by-slot write of {@link Simulation#saveState()}.
 * The small sections (config, counters, teams, rounds, the logs) are written as they are captured.
 *
 * <p>One capture is reused checkpoint after checkpoint: its arrays grow to the largest world it has held and are
 * not allocated per capture (only the grid's copy is made anew, when a world of another grid shape is captured).
 * The capture and its {@code writeTo} must not overlap, and the thread that writes
 * must see the capture complete (handing it over through an executor or a queue does that).
 */
public final class StateCapture {

    private final StateWriter head = new StateWriter();
    private final StateWriter logs = new StateWriter();
    private final AgentTable agents = new AgentTable(0);
    private int[] decisionQueue = new int[0];
    private int decisionCount;
    private SpatialGrid grid;
    private boolean captured;

    /** World thread: copies {@code sim}'s state over what this held. */
    void capture(Simulation sim) {
        SimulationState.writeHead(sim, head.reset());
        agents.copyFrom(sim.agents);
        copyDecisionQueue(sim);
        grid = sim.grid.copyInto(grid);
        SimulationState.writeLogs(sim, logs.reset());
        captured = true;
    }

    /**
     * Any thread: writes the captured state into {@code out} (after what it holds), byte for byte what
     * {@link Simulation#saveState(StateWriter)} wrote at the capture.
     */
    public void writeTo(StateWriter out) {
        if (!captured) {
            throw new IllegalStateException("nothing captured yet");
        }
        out.append(head);
        agents.write(out);
        SimulationState.writeDecisionQueue(decisionQueue, 0, decisionCount, out);
        grid.write(out);
        out.append(logs);
    }

    /** The ring of due slots, unrolled from its head. */
    private void copyDecisionQueue(Simulation sim) {
        int size = sim.dueSize;
        if (decisionQueue.length < size) {
            decisionQueue = new int[sim.dueQueue.length];
        }
        int first = Math.min(size, sim.dueQueue.length - sim.dueHead);
        System.arraycopy(sim.dueQueue, sim.dueHead, decisionQueue, 0, first);
        System.arraycopy(sim.dueQueue, 0, decisionQueue, first, size - first);
        decisionCount = size;
    }
}
