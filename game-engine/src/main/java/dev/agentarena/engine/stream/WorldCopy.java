package dev.agentarena.engine.stream;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.simulation.BehaviorErrorLog;
import dev.agentarena.simulation.DeathLog;
import dev.agentarena.simulation.Simulation;

import java.util.Arrays;
import java.util.List;

/**
 * A world's state as copied by the world's thread at the broadcast rate: plain arrays, reused from one copy to
 * the next (they grow with the world, never per copy), read afterwards by the encoder thread. Strings (rule
 * labels, behavior ids) and the config and walls are immutable and shared by reference. Agents stay indexed by
 * the simulation's slots, which keep an agent through death and respawn.
 */
public final class WorldCopy {

    /** Where the previous copy of a world stopped reading its event logs; owned by the world's thread. */
    public static final class LogCursor {
        private int generation = -1;
        private long nextDeath;
        private long nextError;
    }

    int generation;
    ArenaConfig config;
    List<WallSpec> walls;
    int ticksPerSecond;
    long tick;
    boolean running;
    int round;
    double roundTimeLeft;
    /** The server's wall clock (epoch ms) when this copy was taken: lets a client measure a snapshot's latency. */
    long capturedAtMillis;

    int teamCount;
    final int[] teamAgents = new int[ArenaConfig.MAX_TEAMS];
    final int[] teamAlive = new int[ArenaConfig.MAX_TEAMS];
    final int[] teamKills = new int[ArenaConfig.MAX_TEAMS];
    final int[] teamDeaths = new int[ArenaConfig.MAX_TEAMS];
    final double[] teamDamage = new double[ArenaConfig.MAX_TEAMS];
    final int[] roundsWon = new int[ArenaConfig.MAX_TEAMS];
    final String[] teamBehavior = new String[ArenaConfig.MAX_TEAMS];

    int slots;
    boolean[] used = new boolean[0];
    long[] id = new long[0];
    int[] team = new int[0];
    double[] x = new double[0];
    double[] y = new double[0];
    double[] vx = new double[0];
    double[] vy = new double[0];
    double[] heading = new double[0];
    double[] health = new double[0];
    String[] state = new String[0];
    String[] behavior = new String[0];
    boolean[] alive = new boolean[0];
    boolean[] spawnProtected = new boolean[0];
    int[] kills = new int[0];
    int[] deaths = new int[0];
    /** For agent details (not in the snapshot frames): damage since joining, seconds since the last spawn. */
    double[] damageDealt = new double[0];
    double[] damageTaken = new double[0];
    double[] lifetime = new double[0];

    /** Deaths since the previous copy. */
    final Deaths died = new Deaths();
    /** The finished rounds the simulation keeps (its last few). */
    final Rounds rounds = new Rounds();

    /** Behavior failures since the previous copy, and the world's count of those never reported. */
    int errorCount;
    BehaviorErrorLog.Entry[] errors = new BehaviorErrorLog.Entry[4];
    long suppressedErrors;

    /** Copies {@code sim}; {@code cursor} tells which deaths and failures are new since the last copy. */
    public void fill(Simulation sim, int generation, boolean running, LogCursor cursor) {
        if (cursor.generation != generation) {
            cursor.generation = generation;
            cursor.nextDeath = 0;
            cursor.nextError = 0;
        }
        this.generation = generation;
        this.config = sim.config();
        this.walls = sim.walls();
        this.ticksPerSecond = sim.ticksPerSecond();
        this.tick = sim.tick();
        this.running = running;
        this.round = sim.round();
        this.roundTimeLeft = sim.roundTimeLeft();
        this.capturedAtMillis = System.currentTimeMillis();
        copyTeams(sim);
        copyAgents(sim);
        copyDeaths(sim.deaths(), cursor);
        copyRounds(sim.rounds());
        copyErrors(sim.behaviorErrors(), cursor);
    }

    private void copyTeams(Simulation sim) {
        teamCount = sim.teamCount();
        for (int t = 0; t < teamCount; t++) {
            teamAgents[t] = sim.teamAgents(t);
            teamAlive[t] = sim.teamAlive(t);
            teamKills[t] = sim.teamKills(t);
            teamDeaths[t] = sim.teamDeaths(t);
            teamDamage[t] = sim.teamDamage(t);
            roundsWon[t] = sim.roundsWon(t);
            teamBehavior[t] = sim.teamBehavior(t);
        }
    }

    private void copyAgents(Simulation sim) {
        slots = sim.slots();
        if (used.length < slots) {
            growAgents(Math.max(slots, used.length * 2));
        }
        for (int s = 0; s < slots; s++) {
            boolean inUse = sim.used(s);
            used[s] = inUse;
            if (!inUse) {
                continue;
            }
            id[s] = sim.id(s);
            team[s] = sim.team(s);
            x[s] = sim.x(s);
            y[s] = sim.y(s);
            vx[s] = sim.vx(s);
            vy[s] = sim.vy(s);
            heading[s] = sim.heading(s);
            health[s] = sim.health(s);
            state[s] = sim.state(s);
            behavior[s] = sim.behavior(s);
            alive[s] = sim.alive(s);
            spawnProtected[s] = sim.spawnProtected(s);
            kills[s] = sim.kills(s);
            deaths[s] = sim.deaths(s);
            damageDealt[s] = sim.damageDealt(s);
            damageTaken[s] = sim.damageTaken(s);
            lifetime[s] = alive[s] ? sim.lifetime(s) : 0;
        }
    }

    private void growAgents(int size) {
        used = Arrays.copyOf(used, size);
        id = Arrays.copyOf(id, size);
        team = Arrays.copyOf(team, size);
        x = Arrays.copyOf(x, size);
        y = Arrays.copyOf(y, size);
        vx = Arrays.copyOf(vx, size);
        vy = Arrays.copyOf(vy, size);
        heading = Arrays.copyOf(heading, size);
        health = Arrays.copyOf(health, size);
        state = Arrays.copyOf(state, size);
        behavior = Arrays.copyOf(behavior, size);
        alive = Arrays.copyOf(alive, size);
        spawnProtected = Arrays.copyOf(spawnProtected, size);
        kills = Arrays.copyOf(kills, size);
        deaths = Arrays.copyOf(deaths, size);
        damageDealt = Arrays.copyOf(damageDealt, size);
        damageTaken = Arrays.copyOf(damageTaken, size);
        lifetime = Arrays.copyOf(lifetime, size);
    }

    private void copyDeaths(DeathLog log, LogCursor cursor) {
        long from = Math.max(cursor.nextDeath, log.oldest());
        died.resize((int) (log.next() - from));
        for (int i = 0; i < died.count; i++) {
            long seq = from + i;
            died.tick[i] = log.tick(seq);
            died.victim[i] = log.victim(seq);
            died.victimTeam[i] = log.victimTeam(seq);
            died.killer[i] = log.killer(seq);
            died.killerTeam[i] = log.killerTeam(seq);
            died.lifetime[i] = log.lifetime(seq);
        }
        cursor.nextDeath = log.next();
    }

    private void copyRounds(List<Simulation.RoundResult> results) {
        rounds.resize(results.size());
        for (int i = 0; i < rounds.count; i++) {
            Simulation.RoundResult r = results.get(i);
            rounds.number[i] = r.round();
            rounds.winner[i] = r.winner();
            rounds.endTick[i] = r.endTick();
        }
    }

    private void copyErrors(BehaviorErrorLog log, LogCursor cursor) {
        long from = Math.max(cursor.nextError, log.oldest());
        errorCount = (int) (log.next() - from);
        if (errors.length < errorCount) {
            errors = Arrays.copyOf(errors, Math.max(errorCount, errors.length * 2));
        }
        for (int i = 0; i < errorCount; i++) {
            errors[i] = log.get(from + i);
        }
        cursor.nextError = log.next();
        suppressedErrors = log.suppressed();
    }

    /** The world's simulation generation this copy was taken from. */
    public int generation() {
        return generation;
    }

    public long tick() {
        return tick;
    }

    /** The server's wall clock (epoch ms) when this copy was taken. */
    public long capturedAtMillis() {
        return capturedAtMillis;
    }

    /**
     * The slot of agent {@code agentId} in this copy, or -1: {@code hint} (the slot it had before, as slots keep
     * their agent) is tried first, then every slot.
     */
    public int slotOf(long agentId, int hint) {
        if (hint >= 0 && hint < slots && used[hint] && id[hint] == agentId) {
            return hint;
        }
        for (int s = 0; s < slots; s++) {
            if (used[s] && id[s] == agentId) {
                return s;
            }
        }
        return -1;
    }

    /** A full-health agent's health: every agent starts (and respawns) with the config's base health. */
    public double maxHealth() {
        return config.baseHealth();
    }

    public int team(int slot) { return team[slot]; }
    public boolean alive(int slot) { return alive[slot]; }
    public double health(int slot) { return health[slot]; }
    public double x(int slot) { return x[slot]; }
    public double y(int slot) { return y[slot]; }
    public int kills(int slot) { return kills[slot]; }
    public int deaths(int slot) { return deaths[slot]; }
    public double damageDealt(int slot) { return damageDealt[slot]; }
    public double damageTaken(int slot) { return damageTaken[slot]; }
    /** Seconds since the agent last spawned; 0 while it is dead. */
    public double lifetime(int slot) { return lifetime[slot]; }
    public String behavior(int slot) { return behavior[slot]; }
    /** The rule or state the agent runs now ({@code DEAD} while dead). */
    public String state(int slot) { return state[slot]; }
    public boolean spawnProtected(int slot) { return spawnProtected[slot]; }

    /** Behavior failures since the previous copy. */
    public int errorCount() {
        return errorCount;
    }

    public BehaviorErrorLog.Entry error(int i) {
        return errors[i];
    }

    public long suppressedErrors() {
        return suppressedErrors;
    }
}
