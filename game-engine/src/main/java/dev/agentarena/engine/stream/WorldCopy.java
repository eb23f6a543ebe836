package dev.agentarena.engine.stream;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.engine.sim.BehaviorErrorLog;
import dev.agentarena.engine.sim.DeathLog;
import dev.agentarena.engine.sim.Simulation;

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

    /** Deaths since the previous copy. */
    int deathCount;
    long[] deathTick = new long[16];
    long[] deathVictim = new long[16];
    int[] deathVictimTeam = new int[16];
    long[] deathKiller = new long[16];
    int[] deathKillerTeam = new int[16];
    double[] deathLifetime = new double[16];

    /** The finished rounds the simulation keeps (its last few). */
    int roundCount;
    int[] roundNumber = new int[4];
    int[] roundWinner = new int[4];
    long[] roundEndTick = new long[4];

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
    }

    private void copyDeaths(DeathLog log, LogCursor cursor) {
        long from = Math.max(cursor.nextDeath, log.oldest());
        deathCount = (int) (log.next() - from);
        if (deathTick.length < deathCount) {
            int size = Math.max(deathCount, deathTick.length * 2);
            deathTick = Arrays.copyOf(deathTick, size);
            deathVictim = Arrays.copyOf(deathVictim, size);
            deathVictimTeam = Arrays.copyOf(deathVictimTeam, size);
            deathKiller = Arrays.copyOf(deathKiller, size);
            deathKillerTeam = Arrays.copyOf(deathKillerTeam, size);
            deathLifetime = Arrays.copyOf(deathLifetime, size);
        }
        for (int i = 0; i < deathCount; i++) {
            long seq = from + i;
            deathTick[i] = log.tick(seq);
            deathVictim[i] = log.victim(seq);
            deathVictimTeam[i] = log.victimTeam(seq);
            deathKiller[i] = log.killer(seq);
            deathKillerTeam[i] = log.killerTeam(seq);
            deathLifetime[i] = log.lifetime(seq);
        }
        cursor.nextDeath = log.next();
    }

    private void copyRounds(List<Simulation.RoundResult> rounds) {
        roundCount = rounds.size();
        if (roundNumber.length < roundCount) {
            int size = Math.max(roundCount, roundNumber.length * 2);
            roundNumber = Arrays.copyOf(roundNumber, size);
            roundWinner = Arrays.copyOf(roundWinner, size);
            roundEndTick = Arrays.copyOf(roundEndTick, size);
        }
        for (int i = 0; i < roundCount; i++) {
            Simulation.RoundResult r = rounds.get(i);
            roundNumber[i] = r.round();
            roundWinner[i] = r.winner();
            roundEndTick[i] = r.endTick();
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
