package dev.agentarena.engine.world;

/** A viewer's subscription to a world; closing it (more than once is fine) stops the snapshots. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
