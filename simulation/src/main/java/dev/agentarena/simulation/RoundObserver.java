package dev.agentarena.simulation;

/**
 * Told when a round ends, on the world's thread, before the next round starts: the round's stats
 * ({@link Simulation#roundKills(int)} and the like, the teams' kills, deaths and agents alive) are still those of
 * the round that ended. Not part of a world's state: a restored world has none until one is set.
 */
@FunctionalInterface
public interface RoundObserver {

    void roundEnded(Simulation simulation, Simulation.RoundResult result);
}
