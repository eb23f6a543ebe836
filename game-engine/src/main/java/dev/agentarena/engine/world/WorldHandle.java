package dev.agentarena.engine.world;

import dev.agentarena.simulation.policy.PolicyCatalog;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.Simulation;
import dev.agentarena.simulation.StateCapture;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One live world: its simulation, its command queue (drained at the start of each tick), its viewers and its
 * checkpoints. Only the world's loop ({@link #tick()}, never run concurrently with itself) touches the simulation;
 * every other thread only admits and enqueues commands or reads the published {@link #info()}. A command is first
 * admitted ({@link #admit}: checked, its agents reserved, nothing applied), then appended to the world's command log
 * by the caller, and enqueued when the log delivers it back ({@link #enqueue}), with its offset: the world knows
 * which commands its state holds, which is what its checkpoints record.
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
    /** A command the log delivered, with its offset in the world's partition and its id (null when not logged). */
    private record Queued(WorldCommand command, long offset, String commandId) {
    }

    private final BlockingQueue<Queued> commands = new LinkedBlockingQueue<>();
    private final int queueCapacity;
    /** Agents reserved by admitted commands the log has not delivered back yet, by command id. */
    private final Map<String, Integer> reservations = new ConcurrentHashMap<>();
    private final CheckpointSink checkpoints;
    private final long checkpointIntervalNanos;
    /** Reused for every checkpoint; while one is in flight ({@code checkpointFree} false) no other is taken. */
    private final StateCapture checkpointState = new StateCapture();
    private final AtomicBoolean checkpointFree = new AtomicBoolean(true);
    /** A checkpoint asked for by another thread (handover, shutdown), taken at the end of the next tick. */
    private final AtomicReference<Requested> requested = new AtomicReference<>();
    /** While set, no checkpoint is taken: this engine may no longer own the world (see {@link #holdCheckpoints}). */
    private volatile boolean checkpointsHeld;

    private record Requested(String reason, CompletableFuture<Void> durable) {
    }
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
    /** Offset of the last command applied (-1: none); the world's thread's. */
    private long appliedOffset = -1;
    /** Tick and offset at the last checkpoint, to skip a periodic one when nothing changed. */
    private long checkpointedTick = -1;
    private long checkpointedOffset = -2;
    private long lastCheckpointNanos;
    private boolean wasRunning = true;
    private long lastWatchedNanos;
    private long loops;

    /**
     * @param source  the stored config {@code config} is (null: not a stored one)
     * @param matches where each finished round's result goes
     * @param resume  the state to go on from; without a state, a fresh world of {@code config} that holds the commands
     *                up to the resume's offset (the one that created it)
     */
    WorldHandle(String id, ArenaConfig config, ConfigRef source, WorldResume resume, WorldSettings settings,
                MeterRegistry registry, PolicyCatalog policies, MatchSink matches, CheckpointSink checkpoints,
                LongSupplier clock) {
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
        this.queueCapacity = settings.queueCapacity();
        this.checkpoints = checkpoints;
        this.checkpointIntervalNanos = settings.checkpointInterval().toNanos();
        this.lastWatchedNanos = clock.getAsLong();
        this.lastCheckpointNanos = clock.getAsLong();
        this.metrics = new WorldMetrics(registry, id, () -> info.agents(), commands::size);
        this.matches = matches;
        this.configRef = source;
        if (resume.state() == null) {
            appliedOffset = resume.offset();
            rebuild(config);
        } else {
            resume(resume);
        }
        committedAgents.set(simulation.agentCount());
    }

    public String id() {
        return id;
    }

    public WorldInfo info() {
        return info;
    }

    /** Admits and enqueues a command that is not logged (this package's tests, the bench main). */
    public CommandAdmission submit(WorldCommand command) {
        String commandId = "local-" + System.nanoTime();
        CommandAdmission admission = admit(command, commandId);
        if (admission.accepted()) {
            enqueue(command, -1, commandId);
        }
        return admission;
    }

    /**
     * Checks a command and reserves the agents it adds, without blocking and without applying it; a full queue
     * refuses it (and counts it). An admitted command is then {@linkplain #enqueue enqueued} or {@linkplain
     * #cancel cancelled} under the same id.
     */
    public CommandAdmission admit(WorldCommand command, String commandId) {
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
        // Every admitted command holds a reservation until it is applied or cancelled: those are what is queued.
        if (reservations.size() >= queueCapacity) {
            committedAgents.addAndGet(-adding);
            metrics.rejected("QUEUE_FULL");
            return CommandAdmission.rejected("QUEUE_FULL", "the world's command queue is full; try again shortly");
        }
        reservations.put(commandId, adding);
        return CommandAdmission.ACCEPTED;
    }

    /** Gives back what an admitted command reserved, when it could not be logged. */
    public void cancel(String commandId) {
        Integer reserved = reservations.remove(commandId);
        if (reserved != null) {
            committedAgents.addAndGet(-reserved);
        }
    }

    /**
     * Queues a command the log delivered ({@code offset} in the world's partition; -1 when not logged) for the next
     * tick. Never refused: the command is in the log already, admitted here or by the engine that ran the world
     * before.
     */
    public void enqueue(WorldCommand command, long offset, String commandId) {
        commands.add(new Queued(command, offset, commandId));
    }

    /**
     * Applies a logged command at once, before the world's loop runs (restoring a world: its checkpoint, then the
     * commands after it). Only for a world whose loop has not started.
     */
    void replay(WorldCommand command, long offset) {
        applyQueued(new Queued(command, offset, null));
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
            checkpointWhenDue();
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
        Queued queued;
        while ((queued = commands.poll()) != null) {
            step |= applyQueued(queued);
        }
        return step;
    }

    /** Applies one delivered command unless the state holds it already (a command at or before the applied offset). */
    private boolean applyQueued(Queued queued) {
        if (queued.offset() >= 0 && queued.offset() <= appliedOffset) {
            return false;
        }
        int before = simulation.agentCount();
        boolean step = false;
        try {
            step = apply(queued.command());
        } catch (RuntimeException e) {
            LOG.warnf(e, "world %s could not apply %s", id, queued.command().name());
        }
        if (queued.offset() >= 0) {
            appliedOffset = queued.offset();
        }
        // What the admission reserved is now in the simulation (or was not added at all): count the change.
        Integer reserved = queued.commandId() == null ? null : reservations.remove(queued.commandId());
        committedAgents.addAndGet(simulation.agentCount() - before - (reserved == null ? 0 : reserved));
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

    /** The simulation, team behaviors and running state of a checkpoint. */
    private void resume(WorldResume resume) {
        Simulation restored = Simulation.restore(resume.state(), BuiltInBehaviors.DEFAULT, policies.defaultPolicy(),
                policies::find);
        for (int team = 0; team < Math.min(teamBehaviors.length, resume.teamBehaviors().size()); team++) {
            String behavior = resume.teamBehaviors().get(team);
            teamBehaviors[team] = behavior.isEmpty() ? null : behavior;
        }
        restored.observeRounds(this::roundEnded);
        roundStartedAt = Instant.now();
        simulation = restored;
        running = resume.running();
        wasRunning = running;
        appliedOffset = resume.offset();
        configRef = resume.configRef();
        generation++;
        metrics.restart(restored);
        updateInfo();
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

    /** Asks for a checkpoint at the end of the world's next tick; the future completes when it is stored. */
    public CompletableFuture<Void> requestCheckpoint(String reason) {
        Requested request = new Requested(reason, new CompletableFuture<>());
        Requested earlier = requested.getAndSet(request);
        if (earlier != null) {
            request.durable().whenComplete((done, failure) -> complete(earlier.durable(), failure));
        }
        return request.durable();
    }

    /**
     * Takes a checkpoint now, on the caller's thread: only for a world whose loop has not started (a restored world
     * once the commands after its checkpoint are applied). Null when the previous one is still being written.
     */
    CompletableFuture<Void> checkpointNow(String reason, Long restoredFrom) {
        return takeCheckpoint(reason, restoredFrom);
    }

    /**
     * Stops (or resumes) checkpoints: while this engine does not know whether it still owns the world, a checkpoint of
     * it could overwrite the new owner's.
     */
    public void holdCheckpoints(boolean held) {
        checkpointsHeld = held;
    }

    /** On the world's thread after each tick: a requested checkpoint, one on pausing, or a periodic one. */
    private void checkpointWhenDue() {
        if (checkpointsHeld) {
            return;
        }
        long now = clock.getAsLong();
        Requested request = requested.get();
        boolean paused = wasRunning && !running;
        wasRunning = running;
        String reason = request != null ? request.reason() : paused ? "PAUSED"
                : now - lastCheckpointNanos >= checkpointIntervalNanos && changedSinceCheckpoint() ? "PERIODIC" : null;
        if (reason == null) {
            return;
        }
        CompletableFuture<Void> durable = takeCheckpoint(reason, null);
        if (durable == null) {
            return; // the previous one is still being written: try again after the next tick
        }
        lastCheckpointNanos = now;
        if (request != null && requested.compareAndSet(request, null)) {
            durable.whenComplete((done, failure) -> complete(request.durable(), failure));
        }
    }

    private boolean changedSinceCheckpoint() {
        return simulation.tick() != checkpointedTick || appliedOffset != checkpointedOffset;
    }

    private CompletableFuture<Void> takeCheckpoint(String reason, Long restoredFrom) {
        if (!checkpointFree.compareAndSet(true, false)) {
            return null;
        }
        simulation.capture(checkpointState);
        checkpointedTick = simulation.tick();
        checkpointedOffset = appliedOffset;
        CompletableFuture<Void> durable = new CompletableFuture<>();
        checkpoints.write(new Checkpoint(id, appliedOffset, System.currentTimeMillis(), reason, restoredFrom, simulation.tick(),
                simulation.agentCount(), running, List.of(teamBehaviorsOrEmpty()), configRef, simulation.config(),
                checkpointState, () -> checkpointFree.set(true), durable));
        return durable;
    }

    /** The team behaviors set on this world, "" for a team without one. */
    private String[] teamBehaviorsOrEmpty() {
        String[] copy = new String[simulation.teamCount()];
        for (int team = 0; team < copy.length; team++) {
            copy[team] = teamBehaviors[team] == null ? "" : teamBehaviors[team];
        }
        return copy;
    }

    private static void complete(CompletableFuture<Void> future, Throwable failure) {
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
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
