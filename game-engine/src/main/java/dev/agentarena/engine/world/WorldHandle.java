package dev.agentarena.engine.world;

import dev.agentarena.simulation.policy.PolicyCatalog;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Simulation;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One live world: its simulation, its bounded command queue (drained at the start of each tick) and its
 * viewers. Only the world's loop ({@link #tick()}, never run concurrently with itself) touches the
 * simulation; every other thread only enqueues commands or reads the published {@link #info()}.
 */
public final class WorldHandle {

    private static final Logger LOG = Logger.getLogger(WorldHandle.class);
    public static final int MAX_AGENTS_PER_COMMAND = 1000;
    /** Weight of the newest tick in the smoothed tick time: at 60 Hz, about the last second counts. */
    private static final double TICK_SMOOTHING = 1.0 / 60;

    private final String id;
    private final int tickRate;
    private final int ticksPerSnapshot;
    private final int maxAgents;
    private final long idlePauseNanos;
    private final long tickBudgetNanos;
    private final int decisionBudget;
    private final long decisionBudgetNanos;
    private final LongSupplier clock;
    private final PolicyCatalog policies;
    private final BlockingQueue<WorldCommand> commands;
    private final List<SnapshotSink> viewers = new CopyOnWriteArrayList<>();
    private final WorldMetrics metrics;
    private final MatchSink matches;
    private final String[] teamBehaviors = new String[ArenaConfig.MAX_TEAMS];
    /**
     * The agents in the simulation plus those that accepted add commands still queued will add: an add is
     * refused at submit when it would pass {@code maxAgents}, never silently shortened when applied.
     */
    private final AtomicInteger committedAgents = new AtomicInteger();
    private volatile boolean deleted;
    private volatile WorldInfo info;
    /** How long a tick takes, smoothed (written and read by the world's loop only; published in the info). */
    private double tickMillis;
    private Simulation simulation;
    /** The stored config the simulation runs (null: one that is not stored), for match results. */
    private ConfigRef configRef;
    /** When the current round started, by the wall clock (a round's simulated time does not count pauses). */
    private Instant roundStartedAt;
    /** Counts simulation replacements, so that viewers know when static data and event logs start over. */
    private int generation;
    private boolean running = true;
    private long lastWatchedNanos;
    private long loops;

    /**
     * @param source  the stored config {@code config} is (null: not a stored one)
     * @param matches where each finished round's result goes
     */
    WorldHandle(String id, ArenaConfig config, ConfigRef source, WorldSettings settings, MeterRegistry registry,
                PolicyCatalog policies, MatchSink matches, LongSupplier clock) {
        this.id = id;
        this.tickRate = settings.tickRate();
        this.ticksPerSnapshot = Math.max(1, settings.tickRate() / settings.snapshotRate());
        this.maxAgents = settings.maxAgents();
        this.idlePauseNanos = settings.idlePause().toNanos();
        this.tickBudgetNanos = 1_000_000_000L / settings.tickRate();
        this.decisionBudget = settings.decisionBudget();
        this.decisionBudgetNanos = settings.decisionBudgetTime().toNanos();
        this.clock = clock;
        this.policies = policies;
        this.commands = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.lastWatchedNanos = clock.getAsLong();
        this.metrics = new WorldMetrics(registry, id, () -> info.agents(), commands::size);
        this.matches = matches;
        this.configRef = source;
        rebuild(config);
        committedAgents.set(simulation.agentCount());
    }

    public String id() {
        return id;
    }

    public WorldInfo info() {
        return info;
    }

    /** Checks a command and enqueues it without blocking; a full queue refuses it (and counts it). */
    public CommandAdmission submit(WorldCommand command) {
        CommandAdmission invalid = check(command);
        if (invalid != null) {
            metrics.rejected(invalid.code());
            return invalid;
        }
        int adding = agentsAddedBy(command);
        if (adding > 0 && !reserveAgents(adding)) {
            metrics.rejected("TOO_MANY_AGENTS");
            return CommandAdmission.rejected("TOO_MANY_AGENTS", "world " + id + " holds at most " + maxAgents
                    + " agents; adding " + adding + " would pass that (it has or will have " + committedAgents.get() + ")");
        }
        if (!commands.offer(command)) {
            committedAgents.addAndGet(-adding);
            metrics.rejected("QUEUE_FULL");
            return CommandAdmission.rejected("QUEUE_FULL", "the world's command queue is full; try again shortly");
        }
        return CommandAdmission.ACCEPTED;
    }

    private static int agentsAddedBy(WorldCommand command) {
        return command instanceof WorldCommand.AddAgents add ? add.count() : 0;
    }

    private boolean reserveAgents(int count) {
        int before;
        do {
            before = committedAgents.get();
            if (before + count > maxAgents) {
                return false;
            }
        } while (!committedAgents.compareAndSet(before, before + count));
        return true;
    }

    /**
     * Lets {@code viewer} copy the world's state at the broadcast rate, on the world's thread (see
     * {@link SnapshotSink}). A world with no viewers pauses after the idle time.
     */
    public Registration addViewer(SnapshotSink viewer) {
        SnapshotSink entry = viewer::capture;
        viewers.add(entry);
        return () -> viewers.remove(entry);
    }

    private CommandAdmission check(WorldCommand command) {
        if (deleted) {
            return CommandAdmission.rejected("WORLD_DELETED", "world " + id + " has been deleted");
        }
        int teams = info.config().teamCount();
        if (command instanceof WorldCommand.AddAgents add) {
            return add.count() < 1 || add.count() > MAX_AGENTS_PER_COMMAND
                    ? CommandAdmission.rejected("INVALID_COUNT", "count must be between 1 and " + MAX_AGENTS_PER_COMMAND)
                    : checkTeam(add.team(), teams);
        }
        if (command instanceof WorldCommand.ApplyConfig apply) {
            return checkConfig(apply.config());
        }
        if (command instanceof WorldCommand.SetTeamBehavior set) {
            CommandAdmission team = checkTeam(set.team(), teams);
            return team != null ? team : checkBehavior(set.behaviorId());
        }
        if (command instanceof WorldCommand.SetAgentBehavior set && set.behaviorId() != null) {
            return checkBehavior(set.behaviorId());
        }
        return null;
    }

    private static CommandAdmission checkTeam(int team, int teams) {
        return team < 0 || team >= teams
                ? CommandAdmission.rejected("INVALID_TEAM", "team must be between 0 and " + (teams - 1)) : null;
    }

    private static CommandAdmission checkConfig(ArenaConfig config) {
        if (config == null) {
            return CommandAdmission.rejected("INVALID_CONFIG", "a config is required");
        }
        List<FieldError> errors = config.validate();
        return errors.isEmpty() ? null : CommandAdmission.rejected("INVALID_CONFIG", errors.get(0).path() + ": "
                + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }

    private CommandAdmission checkBehavior(String behaviorId) {
        return behaviorId == null || policies.find(behaviorId).isEmpty()
                ? CommandAdmission.rejected("UNKNOWN_BEHAVIOR", "no behavior " + behaviorId) : null;
    }

    /** One tick of the loop: commands, then the step when running, then a snapshot at the broadcast rate. */
    void tick() {
        long start = System.nanoTime();
        try {
            int applied = commands.size();
            boolean step = drainCommands();
            pauseWhenUnwatched();
            if (running || step) {
                simulation.step();
            }
            // Paused worlds keep publishing at the broadcast rate so viewers see commands take effect.
            if (++loops % ticksPerSnapshot == 0 || step) {
                publish();
            } else if (applied > 0) {
                updateInfo();
            }
            metrics.observe(simulation);
        } catch (RuntimeException e) {
            LOG.errorf(e, "world %s failed a tick; pausing it", id);
            running = false;
            updateInfo();
        } finally {
            long nanos = System.nanoTime() - start;
            metrics.recordTick(nanos, tickBudgetNanos);
            tickMillis += (nanos / 1e6 - tickMillis) * TICK_SMOOTHING;
        }
    }

    private void pauseWhenUnwatched() {
        long now = clock.getAsLong();
        if (!viewers.isEmpty()) {
            lastWatchedNanos = now;
        } else if (running && now - lastWatchedNanos > idlePauseNanos) {
            LOG.infof("world %s has had no viewer for %d s; pausing it", id, idlePauseNanos / 1_000_000_000L);
            running = false;
            updateInfo();
        }
    }

    private boolean drainCommands() {
        boolean step = false;
        WorldCommand command;
        while ((command = commands.poll()) != null) {
            int before = simulation.agentCount();
            try {
                step |= apply(command);
            } catch (RuntimeException e) {
                LOG.warnf(e, "world %s could not apply %s", id, command.name());
            }
            // What the reservation counted is now in the simulation (or was not added at all): count the change.
            committedAgents.addAndGet(simulation.agentCount() - before - agentsAddedBy(command));
        }
        return step;
    }

    /** Applies one command; true when it asks for a single step. */
    private boolean apply(WorldCommand command) {
        if (command instanceof WorldCommand.Start) {
            running = true;
            lastWatchedNanos = clock.getAsLong();
        } else if (command instanceof WorldCommand.Pause) {
            running = false;
        } else if (command instanceof WorldCommand.Step) {
            return !running;
        } else if (command instanceof WorldCommand.Reset) {
            rebuild(simulation.config());
        } else if (command instanceof WorldCommand.AddAgents add) {
            addAgents(add.team(), add.count());
        } else if (command instanceof WorldCommand.ApplyConfig apply) {
            if (!simulation.applyLive(apply.config())) {
                rebuild(apply.config());
            }
            configRef = apply.source();
        } else if (command instanceof WorldCommand.SetTeamBehavior set) {
            policy(set.behaviorId()).ifPresent(policy -> {
                teamBehaviors[set.team()] = set.behaviorId();
                simulation.setTeamPolicy(set.team(), set.behaviorId(), policy);
            });
        } else if (command instanceof WorldCommand.SetAgentBehavior set) {
            DecisionPolicy policy = set.behaviorId() == null ? null : policy(set.behaviorId()).orElse(null);
            if (set.behaviorId() == null || policy != null) {
                set.agentIds().forEach(agent -> simulation.setAgentPolicy(agent, set.behaviorId(), policy));
            }
        }
        return false;
    }

    private Optional<DecisionPolicy> policy(String behaviorId) {
        return policies.find(behaviorId);
    }

    /** Adds agents accepted at submit; {@code maxAgents} still bounds them should a reset have grown the world since. */
    private void addAgents(int team, int count) {
        int room = Math.max(0, maxAgents - simulation.agentCount());
        if (count > room) {
            LOG.warnf("world %s holds at most %d agents; adding %d instead of %d", id, maxAgents, room, count);
        }
        for (int i = 0; i < Math.min(count, room); i++) {
            simulation.addAgent(team);
        }
    }

    /** A fresh simulation from {@code config} with its initial teams and this world's team behaviors. */
    private void rebuild(ArenaConfig config) {
        Simulation fresh = new Simulation(config, tickRate, BuiltInBehaviors.DEFAULT, policies.defaultPolicy());
        fresh.decisionBudget(decisionBudget, decisionBudgetNanos);
        for (int team = 0; team < fresh.teamCount(); team++) {
            String behavior = teamBehaviors[team];
            Optional<DecisionPolicy> policy = behavior == null ? Optional.empty() : policy(behavior);
            if (policy.isPresent()) {
                fresh.setTeamPolicy(team, behavior, policy.get());
            }
        }
        fresh.populate();
        fresh.observeRounds(this::roundEnded);
        roundStartedAt = Instant.now();
        simulation = fresh;
        generation++;
        metrics.restart(fresh);
        updateInfo();
    }

    /** On the world's thread, inside the step that ended the round. */
    private void roundEnded(Simulation sim, Simulation.RoundResult round) {
        Instant now = Instant.now();
        try {
            matches.roundEnded(MatchResults.of(id, configRef, roundStartedAt, now, sim, round));
        } catch (RuntimeException e) {
            LOG.warnf(e, "world %s could not hand over the result of round %d", id, round.round());
        }
        roundStartedAt = now;
    }

    private void updateInfo() {
        Simulation sim = simulation;
        List<Integer> perTeam = new ArrayList<>(sim.teamCount());
        for (int team = 0; team < sim.teamCount(); team++) {
            perTeam.add(sim.teamAgents(team));
        }
        info = new WorldInfo(id, running, sim.tick(), sim.round(), sim.agentCount(), List.copyOf(perTeam),
                viewers.size(), tickMillis, sim.config());
    }

    private void publish() {
        updateInfo();
        if (viewers.isEmpty()) {
            return;
        }
        for (SnapshotSink viewer : viewers) {
            try {
                if (!viewer.capture(simulation, generation, running)) {
                    metrics.broadcastSkipped();
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "a viewer of world %s failed", id);
            }
        }
    }

    /** Marks the world gone: later commands are refused and its meters removed. */
    void delete() {
        deleted = true;
        viewers.clear();
        metrics.close();
    }

    /** The simulation, for this package's tests and the bench main; only safe from the world's thread. */
    Simulation simulation() {
        return simulation;
    }

    boolean running() {
        return running;
    }
}
