package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.engine.sim.Simulation.AgentView;

import java.util.List;

/** A world's state at one tick, as sent to viewers (JSON for now). Immutable. */
public record WorldSnapshot(String worldId, long tick, boolean running, double width, double height,
                            List<WallSpec> walls, List<AgentView> agents, List<TeamStats> teams) {

    public record TeamStats(int team, String name, int alive, int kills) {
    }
}
