package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.engine.sim.Simulation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One live world: its simulation, its bounded command queue (drained at the start of each tick) and its
 * viewers. Only the world's loop thread touches the simulation; everyone else enqueues commands.
 */
public final class WorldHandle {

    private static final Logger LOG = Logger.getLogger(WorldHandle.class);
    static final String[] TEAM_NAMES = {"red", "blue", "green", "yellow", "purple", "orange", "teal", "pink"};
    static final int QUEUE_CAPACITY = 1024;
    static final int MAX_AGENTS_PER_COMMAND = 500;

    private final String id;
    private final BlockingQueue<WorldCommand> commands = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Consumer<WorldSnapshot>> viewers = new CopyOnWriteArrayList<>();
    private final int ticksPerSnapshot;
    private final Timer tickTimer;
    private final Counter rejected;
    private volatile Simulation simulation;
    private volatile boolean running = true;
    private volatile WorldInfo info;

    WorldHandle(String id, ArenaConfig config, int ticksPerSnapshot, MeterRegistry registry) {
        this.id = id;
        this.ticksPerSnapshot = ticksPerSnapshot;
        this.tickTimer = Timer.builder("arena.engine.world.tick").tag("world", id).publishPercentileHistogram()
                .register(registry);
        this.rejected = registry.counter("arena.engine.world.commands.rejected", "world", id);
        registry.gauge("arena.engine.world.queue.depth", List.of(Tag.of("world", id)),
                commands, BlockingQueue::size);
        reset(config);
    }

    public String id() {
        return id;
    }

    public WorldInfo info() {
        return info;
    }

    /** Enqueues without blocking; a full queue refuses the command. */
    public CommandOutcome submit(WorldCommand command) {
        if (command instanceof WorldCommand.AddAgents add
                && (add.count() < 1 || add.count() > MAX_AGENTS_PER_COMMAND)) {
            return CommandOutcome.rejected("count must be between 1 and " + MAX_AGENTS_PER_COMMAND);
        }
        if (command instanceof WorldCommand.AddAgents add
                && (add.team() < 0 || add.team() >= simulation.config().teamCount())) {
            return CommandOutcome.rejected("team must be between 0 and " + (simulation.config().teamCount() - 1));
        }
        if (!commands.offer(command)) {
            rejected.increment();
            return CommandOutcome.rejected("QUEUE_FULL: the world's command queue is full");
        }
        return CommandOutcome.ACCEPTED;
    }

    /** Registers a viewer called with every snapshot from the world's thread; it must not block. */
    public AutoCloseable addViewer(Consumer<WorldSnapshot> viewer) {
        viewers.add(viewer);
        return () -> viewers.remove(viewer);
    }

    /** One tick of the loop: commands, then the step when running, then a snapshot at the broadcast rate. */
    void tick() {
        long start = System.nanoTime();
        try {
            boolean step = drainCommands();
            if (running || step) {
                simulation.step();
            }
            if (simulation.tick() % ticksPerSnapshot == 0 || step) {
                publish();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "world %s failed a tick; pausing it", id);
            running = false;
        } finally {
            tickTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private boolean drainCommands() {
        boolean step = false;
        WorldCommand command;
        while ((command = commands.poll()) != null) {
            if (command instanceof WorldCommand.Start) {
                running = true;
            } else if (command instanceof WorldCommand.Pause) {
                running = false;
            } else if (command instanceof WorldCommand.Step) {
                step = true;
            } else if (command instanceof WorldCommand.Reset) {
                reset(simulation.config());
            } else if (command instanceof WorldCommand.AddAgents add) {
                for (int i = 0; i < add.count(); i++) {
                    simulation.addAgent(add.team());
                }
            } else if (command instanceof WorldCommand.ApplyConfig apply) {
                reset(apply.config());
            }
        }
        updateInfo();
        return step;
    }

    private void reset(ArenaConfig config) {
        Simulation fresh = new Simulation(config);
        for (int team = 0; team < config.teamCount(); team++) {
            for (int i = 0; i < config.teamSize(); i++) {
                fresh.addAgent(team);
            }
        }
        simulation = fresh;
        updateInfo();
    }

    private void updateInfo() {
        info = new WorldInfo(id, running, simulation.tick(), simulation.agentCount(), simulation.config());
    }

    private void publish() {
        if (viewers.isEmpty()) {
            return;
        }
        Simulation sim = simulation;
        Simulation.AgentView[] agents = new Simulation.AgentView[sim.agentCount()];
        sim.copyAgents(agents);
        List<WorldSnapshot.TeamStats> teams = new ArrayList<>();
        for (int team = 0; team < sim.config().teamCount(); team++) {
            teams.add(new WorldSnapshot.TeamStats(team, TEAM_NAMES[team], sim.aliveInTeam(team), 0));
        }
        WorldSnapshot snapshot = new WorldSnapshot(id, sim.tick(), running, sim.config().worldWidth(),
                sim.config().worldHeight(), sim.walls(), Arrays.asList(agents), teams);
        for (Consumer<WorldSnapshot> viewer : viewers) {
            try {
                viewer.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a viewer of world %s failed", id);
            }
        }
    }
}
