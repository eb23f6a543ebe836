package dev.agentarena.engine.world;

import dev.agentarena.simulation.Simulation;

/**
 * Where a world's state goes at the broadcast rate. Called on the world's thread, which must never wait: a sink
 * copies what it needs into a buffer it owns and hands the rest of the work to another thread.
 */
@FunctionalInterface
public interface SnapshotSink {

    /**
     * Copies {@code simulation}'s state.
     *
     * @param generation changes whenever the world's simulation was replaced (reset, a config that resets)
     * @return false when the sink was still busy with earlier copies and skipped this one
     */
    boolean capture(Simulation simulation, int generation, boolean running);
}
