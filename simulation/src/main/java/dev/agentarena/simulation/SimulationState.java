package dev.agentarena.simulation;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.simulation.state.StateReader;
import dev.agentarena.simulation.state.StateWriter;
import dev.agentarena.simulation.state.WorldStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The binary form of a whole {@link Simulation} (format {@value #VERSION}; docs/simulation.md lists its
 * sections). Everything a later tick reads is in it, down to the spatial grid as last built and the
 * decision queue, so that a restored world continues bit for bit; what a tick recomputes before reading
 * (this tick's forces, the perception and plan scratch) is not.
 */
final class SimulationState {

    /** "AAWS": Agent Arena world state. */
    static final int MAGIC = 0x41415753;
    static final int VERSION = 2;

    private SimulationState() {
    }

    static byte[] write(Simulation sim) {
        // About 350 bytes per agent slot (docs/simulation.md): sized once, the array need not grow while writing.
        StateWriter out = new StateWriter(64 * 1024 + sim.agents.slots * 420);
        write(sim, out);
        return out.toByteArray();
    }

    static void write(Simulation sim, StateWriter out) {
        writeHead(sim, out);
        sim.agents.write(out);
        writeDecisionQueue(sim.dueQueue, sim.dueHead, sim.dueSize, out);
        sim.grid.write(out);
        writeLogs(sim, out);
    }

    /*
     * The sections of the format in the order write() puts them, each written by one method that StateCapture
     * shares: it writes the head and logs as it captures and the agents, queue and grid from its copies later.
     */

    /** Format, config, walls, counters, teams and rounds: everything before the agents. */
    static void writeHead(Simulation sim, StateWriter out) {
        out.writeInt(MAGIC).writeInt(VERSION);
        out.writeString(sim.rules.configJson).writeInt(sim.rules.ticksPerSecond);
        out.writeLong(sim.random.state());
        List<WallSpec> walls = sim.walls.specs();
        out.writeInt(walls.size());
        for (WallSpec w : walls) {
            out.writeDouble(w.x()).writeDouble(w.y()).writeDouble(w.width()).writeDouble(w.height());
        }
        out.writeDouble(sim.grid.cellSize());
        out.writeLong(sim.tick).writeLong(sim.roundStart).writeInt(sim.round).writeLong(sim.nextId);
        out.writeLong(sim.policyFailures).writeInt(sim.decisionBudget).writeLong(sim.decisionBudgetNanos);
        out.writeLong(sim.deferredDecisions).writeLong(sim.budgetOverruns).writeInt(sim.spawnsSinceGrid);
        for (int t = 0; t < sim.teamCount; t++) {
            out.writeInt(sim.teamAlive[t]).writeInt(sim.teamTotal[t]).writeInt(sim.teamKills[t])
                    .writeInt(sim.teamDeaths[t]).writeDouble(sim.teamDamage[t]).writeInt(sim.roundsWon[t])
                    .writeString(sim.teamPolicyId[t]);
        }
        out.writeInt(sim.rounds.size());
        for (Simulation.RoundResult r : sim.rounds) {
            out.writeInt(r.round()).writeInt(r.winner()).writeLong(r.endTick());
        }
    }

    /** The decision queue, a ring of {@code size} slots from {@code head}. */
    static void writeDecisionQueue(int[] queue, int head, int size, StateWriter out) {
        out.writeInt(size);
        for (int k = 0; k < size; k++) {
            out.writeInt(queue[(head + k) % queue.length]);
        }
    }

    /** The death log and the behavior-error log: everything after the grid. */
    static void writeLogs(Simulation sim, StateWriter out) {
        sim.deaths.write(out);
        sim.behaviorErrors.write(out);
    }

    static Simulation read(byte[] bytes, String defaultPolicyId, DecisionPolicy defaultPolicy,
                           Function<String, Optional<DecisionPolicy>> policies) {
        StateReader in = new StateReader(bytes);
        if (in.readInt() != MAGIC) {
            throw malformed("not a world state (no AAWS header)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new WorldStateException(WorldStateException.Reason.UNSUPPORTED_VERSION,
                    "world state format " + version + "; this engine reads format " + VERSION);
        }
        ArenaConfig config = config(in.readString());
        int ticksPerSecond = in.readInt();
        if (ticksPerSecond < 1) {
            throw malformed(ticksPerSecond + " ticks per second");
        }
        long random = in.readLong();
        int wallCount = in.readCount(32);
        List<WallSpec> walls = new ArrayList<>(wallCount);
        for (int i = 0; i < wallCount; i++) {
            walls.add(new WallSpec(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        double cellSize = in.readDouble();
        if (!(cellSize > 0 && Double.isFinite(cellSize))) {
            throw malformed("grid cell size " + cellSize);
        }
        Simulation sim = new Simulation(config, ticksPerSecond, new WorldRandom(random), walls, cellSize,
                defaultPolicyId, defaultPolicy);
        sim.tick = in.readLong();
        sim.roundStart = in.readLong();
        sim.round = in.readInt();
        sim.nextId = in.readLong();
        sim.policyFailures = in.readLong();
        sim.decisionBudget = in.readInt();
        sim.decisionBudgetNanos = in.readLong();
        sim.deferredDecisions = in.readLong();
        sim.budgetOverruns = in.readLong();
        sim.spawnsSinceGrid = in.readInt();
        for (int t = 0; t < sim.teamCount; t++) {
            sim.teamAlive[t] = in.readInt();
            sim.teamTotal[t] = in.readInt();
            sim.teamKills[t] = in.readInt();
            sim.teamDeaths[t] = in.readInt();
            sim.teamDamage[t] = in.readDouble();
            sim.roundsWon[t] = in.readInt();
            String policyId = in.readString();
            sim.setTeamPolicy(t, policyId, resolve(policyId, defaultPolicyId, defaultPolicy, policies));
        }
        int roundCount = in.readCount(16);
        for (int i = 0; i < roundCount; i++) {
            sim.rounds.add(new Simulation.RoundResult(in.readInt(), in.readInt(), in.readLong()));
        }
        AgentTable agents = sim.agents;
        agents.read(in, sim.teamCount);
        for (int i = 0; i < agents.slots; i++) {
            if (agents.used[i] && agents.policyId[i] != null) {
                agents.policy[i] = resolve(agents.policyId[i], defaultPolicyId, defaultPolicy, policies);
            }
            if (agents.used[i] && agents.waypoints[i] != null) {
                sim.scriptedCount++;
            }
        }
        int dueSize = in.readCount(4);
        sim.dueQueue = new int[Math.max(dueSize, agents.slots)];
        sim.due = new boolean[sim.dueQueue.length];
        for (int k = 0; k < dueSize; k++) {
            int slot = in.readInt();
            if (slot < 0 || slot >= agents.slots || sim.due[slot]) {
                throw malformed("decision queue slot " + slot);
            }
            sim.dueQueue[k] = slot;
            sim.due[slot] = true;
        }
        sim.dueSize = dueSize;
        sim.grid.read(in, agents.slots);
        sim.deaths.read(in);
        sim.behaviorErrors.read(in);
        in.end();
        return sim;
    }

    private static ArenaConfig config(String json) {
        try {
            ArenaConfig config = Json.read(json == null ? "" : json, ArenaConfig.class);
            if (!config.validate().isEmpty()) {
                throw malformed("invalid config: " + config.validate());
            }
            return config;
        } catch (JsonReadException e) {
            throw malformed("unreadable config: " + e.getMessage());
        }
    }

    private static DecisionPolicy resolve(String id, String defaultPolicyId, DecisionPolicy defaultPolicy,
                                          Function<String, Optional<DecisionPolicy>> policies) {
        if (id == null) {
            throw malformed("a team has no behavior id");
        }
        if (id.equals(defaultPolicyId)) {
            return defaultPolicy;
        }
        return policies.apply(id).orElseThrow(() -> new WorldStateException(WorldStateException.Reason.UNKNOWN_BEHAVIOR,
                "behavior '" + id + "' does not resolve here"));
    }

    private static WorldStateException malformed(String message) {
        return new WorldStateException(WorldStateException.Reason.MALFORMED, message);
    }
}
