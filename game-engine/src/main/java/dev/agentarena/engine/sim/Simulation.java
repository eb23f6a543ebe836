package dev.agentarena.engine.sim;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The state of one world and its fixed-timestep step. Pure Java, single-threaded (its world's loop owns
 * it), agents stored as parallel arrays. This is the walking skeleton's simulation: agents wander inside
 * enforced bounds; the simulation-core issue replaces the rules.
 */
public final class Simulation {

    private final ArenaConfig config;
    private final SplittableRandom random;
    private final List<WallSpec> walls;
    private int capacity = 64;
    private int count;
    private long nextId = 1;
    private long tick;
    private long[] ids = new long[capacity];
    private int[] teams = new int[capacity];
    private double[] x = new double[capacity];
    private double[] y = new double[capacity];
    private double[] vx = new double[capacity];
    private double[] vy = new double[capacity];
    private double[] wanderAngle = new double[capacity];
    private double[] maxSpeed = new double[capacity];
    private double[] health = new double[capacity];

    public Simulation(ArenaConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.walls = config.walls();
    }

    public ArenaConfig config() {
        return config;
    }

    public long tick() {
        return tick;
    }

    public int agentCount() {
        return count;
    }

    /** Adds an agent of {@code team} at a random spot inside the bounds; returns its id. */
    public long addAgent(int team) {
        if (count == capacity) {
            grow();
        }
        double r = config.agentRadius();
        int i = count++;
        ids[i] = nextId++;
        teams[i] = team;
        x[i] = r + random.nextDouble() * (config.worldWidth() - 2 * r);
        y[i] = r + random.nextDouble() * (config.worldHeight() - 2 * r);
        vx[i] = 0;
        vy[i] = 0;
        wanderAngle[i] = random.nextDouble() * 2 * Math.PI;
        maxSpeed[i] = config.minSpeed() + random.nextDouble() * (config.maxSpeed() - config.minSpeed());
        health[i] = config.baseHealth();
        return ids[i];
    }

    /** One fixed step: wander steering, velocity limited to max speed, position clamped inside the bounds. */
    public void step() {
        double r = config.agentRadius();
        double width = config.worldWidth();
        double height = config.worldHeight();
        double maxForce = config.maxForce();
        for (int i = 0; i < count; i++) {
            wanderAngle[i] += (random.nextDouble() * 2 - 1) * 0.3;
            vx[i] += Math.cos(wanderAngle[i]) * maxForce;
            vy[i] += Math.sin(wanderAngle[i]) * maxForce;
            double speed = Math.hypot(vx[i], vy[i]);
            if (speed > maxSpeed[i]) {
                vx[i] *= maxSpeed[i] / speed;
                vy[i] *= maxSpeed[i] / speed;
            }
            x[i] += vx[i];
            y[i] += vy[i];
            if (x[i] < r || x[i] > width - r) {
                x[i] = Math.max(r, Math.min(width - r, x[i]));
                vx[i] = -vx[i];
                wanderAngle[i] = Math.PI - wanderAngle[i];
            }
            if (y[i] < r || y[i] > height - r) {
                y[i] = Math.max(r, Math.min(height - r, y[i]));
                vy[i] = -vy[i];
                wanderAngle[i] = -wanderAngle[i];
            }
        }
        tick++;
    }

    /** Writes the agents into {@code out}, which must hold {@link #agentCount()} entries. */
    public void copyAgents(AgentView[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = new AgentView(ids[i], teams[i], x[i], y[i], vx[i], vy[i], Math.atan2(vy[i], vx[i]), health[i],
                    config.baseHealth(), config.agentRadius(), true);
        }
    }

    public int aliveInTeam(int team) {
        int alive = 0;
        for (int i = 0; i < count; i++) {
            if (teams[i] == team) {
                alive++;
            }
        }
        return alive;
    }

    public List<WallSpec> walls() {
        return walls;
    }

    private void grow() {
        capacity *= 2;
        ids = Arrays.copyOf(ids, capacity);
        teams = Arrays.copyOf(teams, capacity);
        x = Arrays.copyOf(x, capacity);
        y = Arrays.copyOf(y, capacity);
        vx = Arrays.copyOf(vx, capacity);
        vy = Arrays.copyOf(vy, capacity);
        wanderAngle = Arrays.copyOf(wanderAngle, capacity);
        maxSpeed = Arrays.copyOf(maxSpeed, capacity);
        health = Arrays.copyOf(health, capacity);
    }

    /** One agent as the client sees it. */
    public record AgentView(long id, int team, double x, double y, double vx, double vy, double heading, double health,
                            double maxHealth, double radius, boolean alive) {
    }
}
