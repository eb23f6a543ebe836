package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.ConfigField;
import dev.agentarena.contracts.config.ConfigSchema;
import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.simulation.state.StateWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One world's state and its fixed-timestep step. Pure Java and single-threaded: the world's loop owns it.
 * A tick runs, in order: respawns, the spatial grid, decisions (agents whose think slot comes up), steering,
 * movement with collisions, combat, rounds. Everything random comes from one seeded generator drawn in slot
 * order, so the same seed, config and commands give the same world (see {@link #stateHash()}).
 * Nothing is allocated per tick once the arrays are sized.
 */
public final class Simulation {

    static final int MAX_ROUND_HISTORY = 20;
    /** The state of an agent that follows waypoints. */
    public static final String SCRIPTED = "SCRIPTED";
    private static final int SPAWN_ATTEMPTS = 200;
    private static final int SPAWNS_PER_GRID_REBUILD = 64;

    final WorldRandom random;
    final AgentTable agents = new AgentTable(64);
    final Walls walls;
    final SpatialGrid grid;
    final DeathLog deaths = new DeathLog();
    final BehaviorErrorLog behaviorErrors = new BehaviorErrorLog();
    final int teamCount;
    final int[] teamAlive;
    final int[] teamTotal;
    final int[] teamKills;
    final int[] teamDeaths;
    final double[] teamDamage;
    final int[] roundsWon;
    final DecisionPolicy[] teamPolicy;
    final String[] teamPolicyId;
    final DecisionPolicy defaultPolicy;
    private final Senses senses;
    private final Steering steering;
    private final Motion motion;
    private final Combat combat;
    final List<RoundResult> rounds = new ArrayList<>();
    Rules rules;
    long tick;
    long roundStart;
    int round = 1;
    long nextId = 1;
    long policyFailures;
    int decisionBudget = Integer.MAX_VALUE;
    long decisionBudgetNanos;
    /** Agents whose think is due, in order (a ring of slots); {@code due[slot]} while a slot is in it. */
    int[] dueQueue = new int[0];
    boolean[] due = new boolean[0];
    int dueHead;
    int dueSize;
    long deferredDecisions;
    long budgetOverruns;
    int spawnsSinceGrid;
    /** How many agents follow waypoints instead of a behavior (their pass is skipped while there are none). */
    int scriptedCount;
    private CombatObserver combatObserver;
    private RoundObserver roundObserver;

    /** A finished round: the winning team (-1 for a draw) and when it ended. */
    public record RoundResult(int round, int winner, long endTick) {
    }

    /**
     * @param defaultPolicyId what every team runs until assigned another policy ({@code defaultPolicy}), which
     *                        also stands in for a failing one
     */
    public Simulation(ArenaConfig config, int ticksPerSecond, String defaultPolicyId, DecisionPolicy defaultPolicy) {
        this(config, ticksPerSecond, new WorldRandom(config.seed()), null, -1, defaultPolicyId, defaultPolicy);
    }

    /**
     * A world of {@code config} whose generator starts from {@code random}, with the given walls and grid cell
     * size when restoring a saved world ({@code wallSpecs} null: built from the config and the generator; a
     * cell size of -1: the config's largest query radius).
     */
    Simulation(ArenaConfig config, int ticksPerSecond, WorldRandom random, List<WallSpec> wallSpecs, double cellSize,
               String defaultPolicyId, DecisionPolicy defaultPolicy) {
        rules = new Rules(config, ticksPerSecond);
        this.random = random;
        walls = new Walls(wallSpecs != null ? wallSpecs : WallLayouts.build(config, random), rules.radius, rules.width,
                rules.height);
        grid = new SpatialGrid(rules.width, rules.height, cellSize > 0 ? cellSize : rules.queryRadius);
        teamCount = config.teamCount();
        teamAlive = new int[teamCount];
        teamTotal = new int[teamCount];
        teamKills = new int[teamCount];
        teamDeaths = new int[teamCount];
        teamDamage = new double[teamCount];
        roundsWon = new int[teamCount];
        teamPolicy = new DecisionPolicy[teamCount];
        teamPolicyId = new String[teamCount];
        this.defaultPolicy = defaultPolicy;
        Arrays.fill(teamPolicy, defaultPolicy);
        Arrays.fill(teamPolicyId, defaultPolicyId);
        senses = new Senses(this);
        steering = new Steering(this);
        motion = new Motion(this);
        combat = new Combat(this);
    }

    /** Adds each team's initial agents: {@code teamSize} skewed by {@code teamBalance} (see docs/config.md). */
    public void populate() {
        for (int t = 0; t < teamCount; t++) {
            int size = initialTeamSize(rules.config, t);
            for (int i = 0; i < size; i++) {
                addAgent(t);
            }
        }
    }

    /**
     * Team sizes with balance b in [-1, 1]: the first team gets {@code teamSize * (1 + b)}, the last
     * {@code teamSize * (1 - b)}, the others in between on a straight line.
     */
    static int initialTeamSize(ArenaConfig config, int team) {
        int teams = config.teamCount();
        double skew = teams == 1 ? 0 : 1 - 2.0 * team / (teams - 1);
        return (int) Math.round(config.teamSize() * (1 + config.teamBalance() * skew));
    }

    public ArenaConfig config() {
        return rules.config;
    }

    public int ticksPerSecond() {
        return rules.ticksPerSecond;
    }

    public long tick() {
        return tick;
    }

    public int round() {
        return round;
    }

    /** Seconds left in the round, or +Infinity when rounds are off ({@code enableWorldLogic=false}). */
    public double roundTimeLeft() {
        return rules.worldLogic ? rules.seconds(Math.max(0, roundStart + rules.roundTicks - tick))
                : Double.POSITIVE_INFINITY;
    }

    public List<RoundResult> rounds() {
        return Collections.unmodifiableList(rounds);
    }

    public List<WallSpec> walls() {
        return walls.specs();
    }

    public DeathLog deaths() {
        return deaths;
    }

    public int teamCount() {
        return teamCount;
    }

    /** How many decisions fell back to another policy because a policy threw. */
    public long policyFailures() {
        return policyFailures;
    }

    /** The failures worth reporting to viewers (rate-limited). */
    public BehaviorErrorLog behaviorErrors() {
        return behaviorErrors;
    }

    /**
     * Caps the decisions made in one tick: at most {@code maxDecisions}, and no more once {@code maxNanos}
     * (0: no time limit) have gone into deciding (the clock is read every 8 decisions, so at least 8 are made). Thinks over budget wait, in order, for the
     * next tick; the agent keeps steering by its last plan meanwhile. A count limit keeps the world
     * deterministic; a time limit does not, and is meant for live worlds only.
     */
    public void decisionBudget(int maxDecisions, long maxNanos) {
        if (maxDecisions < 1 || maxNanos < 0) {
            throw new IllegalArgumentException("a decision budget needs at least one decision and no negative time");
        }
        decisionBudget = maxDecisions;
        decisionBudgetNanos = maxNanos;
    }

    /** Thinks put off to a later tick because the decision budget was spent (each deferral counted once). */
    public long deferredDecisions() {
        return deferredDecisions;
    }

    /** Ticks whose decision budget ran out before every due think was made. */
    public long budgetOverruns() {
        return budgetOverruns;
    }

    /**
     * Applies a config without rebuilding the world when only live fields differ ({@link ConfigSchema}: no field
     * that applies on reset changed, and no zone radius outgrew the grid cell; see docs/config.md);
     * returns false when a field that needs a reset changed, leaving the world untouched.
     */
    public boolean applyLive(ArenaConfig next) {
        ArenaConfig current = rules.config;
        boolean sameShape = ConfigSchema.withApplies(ConfigField.Applies.RESET).stream()
                .allMatch(field -> field.read().apply(next).equals(field.read().apply(current)))
                && ConfigSchema.withApplies(ConfigField.Applies.LIVE_WITHIN_GRID).stream()
                .allMatch(field -> ((Number) field.read().apply(next)).doubleValue() <= grid.cellSize());
        if (!sameShape) {
            return false;
        }
        rules = new Rules(next, rules.ticksPerSecond);
        return true;
    }

    // ---------------------------------------------------------------- agents

    /** Adds an agent of {@code team} at a random free spot; returns its id, or -1 when no free spot was found. */
    public long addAgent(int team) {
        checkTeam(team);
        int slot = newAgent(team, null, null);
        if (!spawn(slot)) {
            agents.used[slot] = false;
            teamTotal[team]--;
            agents.release(slot);
            return -1;
        }
        return agents.id[slot];
    }

    /**
     * Adds an agent where {@code placement} says, alive, spawn-protected as any spawn; returns its id. The
     * spot must be inside the bounds and outside every wall (grown by the agent radius), else nothing is added
     * and an {@link IllegalArgumentException} says why. A placed agent that dies respawns like any other.
     */
    public long placeAgent(AgentPlacement placement) {
        int team = placement.team();
        checkTeam(team);
        double x = placement.x();
        double y = placement.y();
        double r = rules.radius;
        if (!(x >= r && x <= rules.width - r && y >= r && y <= rules.height - r)) {
            throw new IllegalArgumentException("(" + x + ", " + y + ") is not inside the bounds shrunk by the agent radius");
        }
        if (walls.blocked(x, y, 0)) {
            throw new IllegalArgumentException("(" + x + ", " + y + ") is inside a wall (grown by the agent radius)");
        }
        double health = placement.health() == null ? rules.baseHealth : placement.health();
        if (!(health > 0 && health <= rules.baseHealth)) {
            throw new IllegalArgumentException("health " + health + " is not in (0, " + rules.baseHealth + "]");
        }
        int slot = newAgent(team, placement.maxSpeed(), placement.damage());
        double vx = placement.vx();
        double vy = placement.vy();
        bringToLife(slot, x, y, vx, vy, vx != 0 || vy != 0 ? Math.atan2(vy, vx) : 0, health);
        if (placement.waypoints() != null) {
            agents.waypoints[slot] = placement.waypoints().clone();
            agents.waypoint[slot] = 0;
            agents.loopWaypoints[slot] = placement.loop();
            scriptedCount++;
        }
        return agents.id[slot];
    }

    private void checkTeam(int team) {
        if (team < 0 || team >= teamCount) {
            throw new IllegalArgumentException("team " + team + " is not between 0 and " + (teamCount - 1));
        }
    }

    /** A slot for a new, not yet living agent with its stats (null: drawn from the config's ranges). */
    private int newAgent(int team, Double maxSpeed, Double damage) {
        int slot = agents.allocate();
        AgentTable a = agents;
        a.id[slot] = nextId++;
        a.team[slot] = team;
        a.used[slot] = true;
        a.policy[slot] = null;
        a.policyId[slot] = null;
        a.maxSpeed[slot] = maxSpeed != null ? maxSpeed : rules.minSpeed + random.nextDouble() * (rules.maxSpeed - rules.minSpeed);
        a.damage[slot] = damage != null ? damage : rules.minDamage + random.nextDouble() * (rules.maxDamage - rules.minDamage);
        a.kills[slot] = 0;
        a.deaths[slot] = 0;
        a.damageDealt[slot] = 0;
        a.damageTaken[slot] = 0;
        a.clearRoundStats(slot);
        teamTotal[team]++;
        return slot;
    }

    /** Removes an agent for good; false when no such agent. */
    public boolean removeAgent(long id) {
        int slot = slotOf(id);
        if (slot < 0) {
            return false;
        }
        int team = agents.team[slot];
        if (agents.alive[slot]) {
            teamAlive[team]--;
        }
        teamTotal[team]--;
        if (agents.waypoints[slot] != null) {
            scriptedCount--;
        }
        agents.release(slot);
        return true;
    }

    /** The slot of agent {@code id}, or -1. Linear: for commands, not for the tick. */
    int slotOf(long id) {
        for (int i = 0; i < agents.slots; i++) {
            if (agents.used[i] && agents.id[i] == id) {
                return i;
            }
        }
        return -1;
    }

    public void setTeamPolicy(int team, String id, DecisionPolicy policy) {
        teamPolicy[team] = policy;
        teamPolicyId[team] = id;
    }

    /** Overrides the policy of one agent ({@code policy} null: back to its team's); false when no such agent. */
    public boolean setAgentPolicy(long agentId, String id, DecisionPolicy policy) {
        int slot = slotOf(agentId);
        if (slot < 0) {
            return false;
        }
        agents.policy[slot] = policy;
        agents.policyId[slot] = policy == null ? null : id;
        return true;
    }

    /** Places a slot's agent alive at a random free spot with full health and spawn protection. */
    private boolean spawn(int slot) {
        AgentTable a = agents;
        double r = rules.radius;
        if (spawnsSinceGrid++ >= SPAWNS_PER_GRID_REBUILD) {
            grid.rebuild(a.slots, a.alive, a.x, a.y);
            spawnsSinceGrid = 0;
        }
        for (int attempt = 0; attempt < SPAWN_ATTEMPTS; attempt++) {
            double x = r + 1 + random.nextDouble() * (rules.width - 2 * r - 2);
            double y = r + 1 + random.nextDouble() * (rules.height - 2 * r - 2);
            // Late attempts accept touching agents: soft separation pushes them apart; walls are never waived.
            if (walls.blocked(x, y, 1) || attempt < SPAWN_ATTEMPTS / 2 && crowded(x, y, slot)) {
                continue;
            }
            bringToLife(slot, x, y, 0, 0, random.nextDouble() * 2 * Math.PI, rules.baseHealth);
            return true;
        }
        return false;
    }

    /** Makes a slot's agent alive at (x, y): its spawn point, spawn protection from now, no plan yet. */
    private void bringToLife(int slot, double x, double y, double vx, double vy, double heading, double health) {
        AgentTable a = agents;
        a.x[slot] = x;
        a.y[slot] = y;
        a.homeX[slot] = x;
        a.homeY[slot] = y;
        a.vx[slot] = vx;
        a.vy[slot] = vy;
        a.heading[slot] = heading;
        a.wanderAngle[slot] = heading;
        a.patrolPhase[slot] = 0;
        a.health[slot] = health;
        a.alive[slot] = true;
        a.spawnTick[slot] = tick;
        a.protectedUntil[slot] = tick + rules.protectionTicks;
        a.cooldownUntil[slot] = tick;
        // Meaningless while alive; cleared so that a reused slot holds nothing of its former agent.
        a.respawnAt[slot] = 0;
        a.targetSlot[slot] = -1;
        a.targetKind[slot] = TargetKind.NONE.ordinal();
        a.label[slot] = "SPAWNED";
        Arrays.fill(a.weights, slot * Primitive.COUNT, (slot + 1) * Primitive.COUNT, 0);
        a.forceScale[slot] = 1;
        teamAlive[a.team[slot]]++;
    }

    /** Whether another live agent overlaps a body at (x, y): the grid as last built, then its neighbours. */
    private boolean crowded(double x, double y, int self) {
        double min = 2 * rules.radius;
        int c0 = grid.column(x - min);
        int c1 = grid.column(x + min);
        int r0 = grid.row(y - min);
        int r1 = grid.row(y + min);
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                for (int k = grid.start(col, row); k < grid.end(col, row); k++) {
                    int j = grid.item(k);
                    if (j != self && agents.alive[j] && near(j, x, y, min)) {
                        return true;
                    }
                }
            }
        }
        // Agents spawned since the grid was built are not in it yet: the newest slots are the likely ones.
        for (int j = agents.slots - 1; j >= 0 && j >= agents.slots - SPAWNS_PER_GRID_REBUILD - 1; j--) {
            if (j != self && agents.alive[j] && near(j, x, y, min)) {
                return true;
            }
        }
        return false;
    }

    private boolean near(int j, double x, double y, double distance) {
        double dx = agents.x[j] - x;
        double dy = agents.y[j] - y;
        return dx * dx + dy * dy < distance * distance;
    }

    // ---------------------------------------------------------------- the tick

    /** Advances the world by one fixed step. */
    public void step() {
        AgentTable a = agents;
        if (rules.worldLogic && rules.respawn) {
            for (int i = 0; i < a.slots; i++) {
                if (a.used[i] && !a.alive[i] && a.respawnAt[i] <= tick) {
                    if (!spawn(i)) {
                        a.respawnAt[i] = tick + 1;
                    }
                }
            }
        }
        grid.rebuild(a.slots, a.alive, a.x, a.y);
        spawnsSinceGrid = 0;
        decide();
        if (scriptedCount > 0) {
            for (int i = 0; i < a.slots; i++) {
                if (a.alive[i] && a.waypoints[i] != null) {
                    followWaypoints(i);
                }
            }
        }
        for (int i = 0; i < a.slots; i++) {
            if (a.alive[i]) {
                steering.accelerate(i);
            }
        }
        for (int i = 0; i < a.slots; i++) {
            if (a.alive[i]) {
                motion.move(i);
            }
        }
        if (rules.worldLogic) {
            for (int i = 0; i < a.slots; i++) {
                if (a.alive[i]) {
                    combat.attack(i);
                }
            }
            if (roundOver()) {
                endRound();
            }
        }
        tick++;
    }

    /** Queues the agents whose think slot comes up, then thinks in queue order within the decision budget. */
    private void decide() {
        AgentTable a = agents;
        ensureDueCapacity(a.slots);
        int phase = (int) (tick % rules.thinkTicks);
        for (int i = 0; i < a.slots; i++) {
            if (a.alive[i] && i % rules.thinkTicks == phase && !due[i] && a.waypoints[i] == null) {
                due[i] = true;
                dueQueue[(dueHead + dueSize++) % dueQueue.length] = i;
            }
        }
        long start = decisionBudgetNanos > 0 ? System.nanoTime() : 0;
        int decided = 0;
        while (dueSize > 0) {
            // The clock is read every 8th decision: a decision costs microseconds, a clock read tens of ns.
            if (decided >= decisionBudget || decisionBudgetNanos > 0 && (decided & 7) == 0 && decided > 0
                    && System.nanoTime() - start >= decisionBudgetNanos) {
                deferredDecisions += dueSize;
                budgetOverruns++;
                return;
            }
            int slot = dueQueue[dueHead];
            dueHead = (dueHead + 1) % dueQueue.length;
            dueSize--;
            due[slot] = false;
            if (a.alive[slot]) {
                think(slot);
                decided++;
            }
        }
    }

    /**
     * Steers a scripted agent, every tick: it seeks its current waypoint (arrives at the last one), moves on
     * to the next within one body radius of it, and holds at the last one (or starts over when it loops).
     * The waypoint is its "home" for the tick, so the ordinary seek and arrive do the steering.
     */
    private void followWaypoints(int i) {
        AgentTable a = agents;
        double[] points = a.waypoints[i];
        int last = points.length / 2 - 1;
        int k = a.waypoint[i];
        double dx = points[2 * k] - a.x[i];
        double dy = points[2 * k + 1] - a.y[i];
        boolean reached = dx * dx + dy * dy <= rules.radius * rules.radius;
        if (reached && (k < last || a.loopWaypoints[i])) {
            k = k < last ? k + 1 : 0;
            a.waypoint[i] = k;
        }
        int base = i * Primitive.COUNT;
        Arrays.fill(a.weights, base, base + Primitive.COUNT, 0);
        if (reached && k == last && !a.loopWaypoints[i]) {
            a.weights[base + Primitive.HOLD.ordinal()] = 1;
        } else {
            Primitive toward = k == last && !a.loopWaypoints[i] ? Primitive.ARRIVE : Primitive.SEEK;
            a.weights[base + toward.ordinal()] = 1;
        }
        a.homeX[i] = points[2 * k];
        a.homeY[i] = points[2 * k + 1];
        a.targetKind[i] = TargetKind.HOME.ordinal();
        a.targetSlot[i] = -1;
        a.forceScale[i] = 1;
        a.label[i] = SCRIPTED;
    }

    /** Grows the due queue with the agent table (never in a tick that adds no slots), keeping its order. */
    private void ensureDueCapacity(int slots) {
        if (slots <= dueQueue.length) {
            return;
        }
        int[] queue = new int[Math.max(slots, 2 * dueQueue.length)];
        for (int k = 0; k < dueSize; k++) {
            queue[k] = dueQueue[(dueHead + k) % dueQueue.length];
        }
        dueQueue = queue;
        dueHead = 0;
        due = Arrays.copyOf(due, queue.length);
    }

    private void think(int slot) {
        AgentTable a = agents;
        DecisionPolicy teamDefault = teamPolicy[a.team[slot]];
        DecisionPolicy policy = a.policy[slot] != null ? a.policy[slot] : teamDefault;
        Perception perception = senses.perceive(slot);
        SteeringPlan plan = senses.plan();
        try {
            policy.decide(perception, plan.reset());
        } catch (RuntimeException e) {
            policyFailures++;
            behaviorErrors.record(tick, rules.ticksPerSecond, a.id[slot], behavior(slot), e);
            fallBack(policy, teamDefault, perception, plan);
        }
        plan.copyWeightsTo(a.weights, slot * Primitive.COUNT);
        a.forceScale[slot] = plan.forceScale();
        a.label[slot] = plan.label();
        a.targetKind[slot] = plan.target().ordinal();
        a.targetSlot[slot] = senses.targetSlot(plan.target());
    }

    /**
     * Decides for an agent whose behavior failed: by its team's behavior when the failing one was the agent's
     * own, else (or should that fail too) by the default one; should every one fail, the agent coasts.
     */
    private void fallBack(DecisionPolicy failed, DecisionPolicy teamDefault, Perception perception, SteeringPlan plan) {
        if (failed != teamDefault && decides(teamDefault, perception, plan)) {
            return;
        }
        if (failed != defaultPolicy && teamDefault != defaultPolicy && decides(defaultPolicy, perception, plan)) {
            return;
        }
        plan.reset();
    }

    private static boolean decides(DecisionPolicy policy, Perception perception, SteeringPlan plan) {
        try {
            policy.decide(perception, plan.reset());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Tells {@code observer} (null: no one) of every strike and death from now on. */
    public void observeCombat(CombatObserver observer) {
        combatObserver = observer;
    }

    /** Tells {@code observer} (null: no one) of every round's end from now on. */
    public void observeRounds(RoundObserver observer) {
        roundObserver = observer;
    }

    /** An agent's strike on another, for its observer; the damage is done by {@link #damage}. */
    void struck(int attacker, int victim, double amount) {
        if (combatObserver != null) {
            combatObserver.struck(attacker, victim, amount);
        }
        damage(victim, attacker, amount);
    }

    /** Takes {@code amount} of health from {@code victim}; {@code attacker} -1 means the environment. */
    void damage(int victim, int attacker, double amount) {
        AgentTable a = agents;
        double dealt = Math.min(amount, a.health[victim]);
        a.health[victim] -= dealt;
        a.damageTaken[victim] += dealt;
        a.roundDamageTaken[victim] += dealt;
        if (attacker >= 0) {
            a.damageDealt[attacker] += dealt;
            a.roundDamageDealt[attacker] += dealt;
            teamDamage[a.team[attacker]] += dealt;
        }
        if (a.health[victim] <= 0) {
            kill(victim, attacker);
        }
    }

    private void kill(int victim, int attacker) {
        AgentTable a = agents;
        a.alive[victim] = false;
        a.deaths[victim]++;
        a.roundDeaths[victim]++;
        a.roundAliveTicks[victim] += tick - Math.max(a.spawnTick[victim], roundStart);
        int team = a.team[victim];
        teamAlive[team]--;
        teamDeaths[team]++;
        long killerId = 0;
        int killerTeam = -1;
        if (attacker >= 0) {
            a.kills[attacker]++;
            a.roundKills[attacker]++;
            killerId = a.id[attacker];
            killerTeam = a.team[attacker];
            teamKills[killerTeam]++;
        }
        deaths.record(tick, a.id[victim], team, killerId, killerTeam, rules.seconds(tick - a.spawnTick[victim]));
        a.respawnAt[victim] = rules.respawn ? tick + rules.respawnTicks : Long.MAX_VALUE;
        if (combatObserver != null) {
            combatObserver.killed(victim, attacker);
        }
    }

    private boolean roundOver() {
        if (tick - roundStart + 1 >= rules.roundTicks) {
            return true;
        }
        if (rules.respawn) {
            return false;
        }
        int teamsWithAgents = 0;
        int teamsAlive = 0;
        for (int t = 0; t < teamCount; t++) {
            teamsWithAgents += teamTotal[t] > 0 ? 1 : 0;
            teamsAlive += teamAlive[t] > 0 ? 1 : 0;
        }
        return teamsWithAgents >= 2 && teamsAlive <= 1;
    }

    /** Names the winner (most alive, then most kills), then starts the next round with everyone respawned. */
    private void endRound() {
        int winner = -1;
        for (int t = 0; t < teamCount; t++) {
            if (winner < 0 || teamAlive[t] > teamAlive[winner]
                    || teamAlive[t] == teamAlive[winner] && teamKills[t] > teamKills[winner]) {
                winner = t;
            }
        }
        for (int t = 0; t < teamCount; t++) {
            if (t != winner && teamAlive[t] == teamAlive[winner] && teamKills[t] == teamKills[winner]) {
                winner = -1;
                break;
            }
        }
        if (winner >= 0) {
            roundsWon[winner]++;
        }
        if (rounds.size() == MAX_ROUND_HISTORY) {
            rounds.remove(0);
        }
        RoundResult result = new RoundResult(round, winner, tick);
        rounds.add(result);
        if (roundObserver != null) {
            roundObserver.roundEnded(this, result);
        }
        round++;
        roundStart = tick + 1;
        for (int t = 0; t < teamCount; t++) {
            teamKills[t] = 0;
            teamDeaths[t] = 0;
            teamDamage[t] = 0;
        }
        for (int i = 0; i < agents.slots; i++) {
            if (agents.used[i]) {
                agents.clearRoundStats(i);
                if (agents.alive[i]) {
                    agents.alive[i] = false;
                    teamAlive[agents.team[i]]--;
                }
                if (!spawn(i)) {
                    agents.respawnAt[i] = tick + 1;
                }
            }
        }
    }

    // ---------------------------------------------------------------- reading the state

    /** Slots {@code 0..slots()-1} may hold agents; check {@link #used(int)}. */
    public int slots() { return agents.slots; }
    public boolean used(int slot) { return agents.used[slot]; }
    public boolean alive(int slot) { return agents.alive[slot]; }
    public long id(int slot) { return agents.id[slot]; }
    public int team(int slot) { return agents.team[slot]; }
    public double x(int slot) { return agents.x[slot]; }
    public double y(int slot) { return agents.y[slot]; }
    public double vx(int slot) { return agents.vx[slot]; }
    public double vy(int slot) { return agents.vy[slot]; }
    public double heading(int slot) { return agents.heading[slot]; }
    public double health(int slot) { return agents.health[slot]; }
    public double maxSpeed(int slot) { return agents.maxSpeed[slot]; }
    public double attackDamage(int slot) { return agents.damage[slot]; }
    public String state(int slot) { return agents.alive[slot] ? agents.label[slot] : "DEAD"; }
    public String behavior(int slot) {
        return agents.policyId[slot] != null ? agents.policyId[slot] : teamPolicyId[agents.team[slot]];
    }
    public boolean spawnProtected(int slot) { return agents.alive[slot] && tick < agents.protectedUntil[slot]; }
    public int kills(int slot) { return agents.kills[slot]; }
    public int deaths(int slot) { return agents.deaths[slot]; }
    public double damageDealt(int slot) { return agents.damageDealt[slot]; }
    public double damageTaken(int slot) { return agents.damageTaken[slot]; }
    /** The tick the current round started at. */
    public long roundStartTick() { return roundStart; }
    /** Kills in the current round (see {@link RoundObserver} for the round that just ended). */
    public int roundKills(int slot) { return agents.roundKills[slot]; }
    public int roundDeaths(int slot) { return agents.roundDeaths[slot]; }
    public double roundDamageDealt(int slot) { return agents.roundDamageDealt[slot]; }
    public double roundDamageTaken(int slot) { return agents.roundDamageTaken[slot]; }
    /** Seconds alive in the current round, summed over the agent's lives in it (the current one up to now). */
    public double roundLifetime(int slot) {
        AgentTable a = agents;
        long current = a.alive[slot] ? tick - Math.max(a.spawnTick[slot], roundStart) : 0;
        return rules.seconds(a.roundAliveTicks[slot] + current);
    }
    /** Seconds since the agent last spawned. */
    public double lifetime(int slot) { return rules.seconds(tick - agents.spawnTick[slot]); }

    public int agentCount() {
        int total = 0;
        for (int t = 0; t < teamCount; t++) {
            total += teamTotal[t];
        }
        return total;
    }

    public int teamAlive(int team) { return teamAlive[team]; }
    public int teamAgents(int team) { return teamTotal[team]; }
    public int teamKills(int team) { return teamKills[team]; }
    public int teamDeaths(int team) { return teamDeaths[team]; }
    public double teamDamage(int team) { return teamDamage[team]; }
    public int roundsWon(int team) { return roundsWon[team]; }
    public String teamBehavior(int team) { return teamPolicyId[team]; }

    /** Whether the agent in {@code slot} follows waypoints instead of a behavior. */
    public boolean scripted(int slot) { return agents.waypoints[slot] != null; }

    /**
     * The whole world as a compact, versioned binary form: config, walls, the generator's state, tick and
     * rounds, every agent, the behaviors assigned (by id), the decision budget and its queue, the logs.
     * {@link #restore} reads it back into a world that goes on exactly as this one would (same
     * {@link #stateHash()} after any number of further ticks).
     */
    public byte[] saveState() {
        return SimulationState.write(this);
    }

    /**
     * Writes what {@link #saveState()} returns into {@code out} (after what it holds): a caller that saves often
     * reuses one writer, so that a save allocates nothing but what the writer grows by.
     */
    public void saveState(StateWriter out) {
        SimulationState.write(this, out);
    }

    /**
     * Copies the whole state into {@code into} (over what it held) for {@link StateCapture#writeTo} to write
     * later on another thread: what a checkpoint costs the world's thread, less than {@link #saveState(StateWriter)}.
     */
    public void capture(StateCapture into) {
        into.capture(this);
    }

    /**
     * A world from {@link #saveState()}: its behaviors are resolved by id through {@code policies} (the
     * default id to {@code defaultPolicy}). Throws {@link dev.agentarena.simulation.state.WorldStateException}
     * for a state that is malformed, of another format version, or names a behavior that does not resolve.
     */
    public static Simulation restore(byte[] state, String defaultPolicyId, DecisionPolicy defaultPolicy,
                                     Function<String, Optional<DecisionPolicy>> policies) {
        return SimulationState.read(state, defaultPolicyId, defaultPolicy, policies);
    }

    /** A hash of everything that evolves (tick, round, every agent's state): equal worlds hash equal. */
    public long stateHash() {
        long h = mix(tick, round);
        AgentTable a = agents;
        for (int i = 0; i < a.slots; i++) {
            if (!a.used[i]) {
                continue;
            }
            h = mix(h, a.id[i]);
            h = mix(h, a.alive[i] ? 1 : 0);
            h = mix(h, Double.doubleToLongBits(a.x[i]));
            h = mix(h, Double.doubleToLongBits(a.y[i]));
            h = mix(h, Double.doubleToLongBits(a.vx[i]));
            h = mix(h, Double.doubleToLongBits(a.vy[i]));
            h = mix(h, Double.doubleToLongBits(a.health[i]));
            h = mix(h, a.kills[i]);
        }
        for (int t = 0; t < teamCount; t++) {
            h = mix(h, teamKills[t]);
            h = mix(h, roundsWon[t]);
        }
        return h;
    }

    private static long mix(long h, long v) {
        long x = h * 0x9E3779B97F4A7C15L + v;
        x ^= x >>> 31;
        return x * 0xBF58476D1CE4E5B9L;
    }
}
