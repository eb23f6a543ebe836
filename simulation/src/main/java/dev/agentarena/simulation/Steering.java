package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
/**
 * Turns each agent's current plan into this tick's acceleration: every primitive with a positive weight adds
 * {@code weight * (desired velocity - velocity)}, and the sum is limited to max force x the plan's scale.
 * The same neighbour pass gathers flocking sums and the soft-separation push of overlapping bodies.
 */
final class Steering {

    /** The prototype's wander: the wander angle moves by at most this much per tick. */
    static final double WANDER_JITTER = 0.3;
    /** Pursuers stop closing in at this fraction of the attack range (the prototype's number). */
    static final double PURSUIT_STOP = 0.8;
    /** How far ahead, in ticks of current velocity, avoid-walls looks. */
    static final double LOOKAHEAD_TICKS = 15;
    /** Distance under which arrive slows down. */
    static final double ARRIVE_SLOWING = 60;
    /** Radius of the circle patrol follows around the spawn point. */
    static final double PATROL_RADIUS = 100;
    /** Fraction of an overlap between two bodies turned into a push each tick. */
    static final double SOFTNESS = 0.25;
    /** Longest look-ahead of pursue and evade, in ticks. */
    static final double MAX_PREDICTION = 30;

    private static final int SEEK = Primitive.SEEK.ordinal();
    private static final int FLEE = Primitive.FLEE.ordinal();
    private static final int ARRIVE = Primitive.ARRIVE.ordinal();
    private static final int PURSUE = Primitive.PURSUE.ordinal();
    private static final int EVADE = Primitive.EVADE.ordinal();
    private static final int WANDER = Primitive.WANDER.ordinal();
    private static final int SEPARATION = Primitive.SEPARATION.ordinal();
    private static final int ALIGNMENT = Primitive.ALIGNMENT.ordinal();
    private static final int COHESION = Primitive.COHESION.ordinal();
    private static final int AVOID_WALLS = Primitive.AVOID_WALLS.ordinal();
    private static final int HOLD = Primitive.HOLD.ordinal();
    private static final int PATROL = Primitive.PATROL.ordinal();
    private static final int HOME = TargetKind.HOME.ordinal();

    private final Simulation sim;
    // The force being summed for the current agent (fields, not objects: no allocation).
    private double fx;
    private double fy;

    Steering(Simulation sim) {
        this.sim = sim;
    }

    static double normalizeAngle(double angle) {
        double a = angle % (2 * Math.PI);
        if (a > Math.PI) {
            a -= 2 * Math.PI;
        } else if (a < -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }

    void accelerate(int i) {
        AgentTable a = sim.agents;
        Rules r = sim.rules;
        double[] w = a.weights;
        int base = i * Primitive.COUNT;
        double x = a.x[i];
        double y = a.y[i];
        double vx = a.vx[i];
        double vy = a.vy[i];
        double speed = a.maxSpeed[i];
        fx = 0;
        fy = 0;
        neighbours(i, w[base + SEPARATION], w[base + ALIGNMENT], w[base + COHESION]);
        if (w[base + WANDER] > 0) {
            double angle = a.wanderAngle[i] + (sim.random.nextDouble() * 2 - 1) * WANDER_JITTER;
            a.wanderAngle[i] = angle;
            desire(w[base + WANDER], Math.cos(angle) * speed, Math.sin(angle) * speed, vx, vy);
        }
        int target = a.targetSlot[i];
        boolean hasTarget = target >= 0 && a.alive[target] && a.used[target];
        boolean home = a.targetKind[i] == HOME;
        if (hasTarget || home) {
            double tx = hasTarget ? a.x[target] : a.homeX[i];
            double ty = hasTarget ? a.y[target] : a.homeY[i];
            double tvx = hasTarget ? a.vx[target] : 0;
            double tvy = hasTarget ? a.vy[target] : 0;
            double dx = tx - x;
            double dy = ty - y;
            double distance = Math.sqrt(dx * dx + dy * dy);
            seek(w[base + SEEK], dx, dy, distance, speed, vx, vy);
            seek(w[base + FLEE], -dx, -dy, distance, speed, vx, vy);
            if (w[base + ARRIVE] > 0) {
                seek(w[base + ARRIVE], dx, dy, distance, speed * Math.min(1, distance / ARRIVE_SLOWING), vx, vy);
            }
            double ahead = Math.min(distance / speed, MAX_PREDICTION);
            double px = dx + tvx * ahead;
            double py = dy + tvy * ahead;
            double predicted = Math.sqrt(px * px + py * py);
            if (w[base + PURSUE] > 0) {
                if (distance <= PURSUIT_STOP * r.attackRange) {
                    desire(w[base + PURSUE], 0, 0, vx, vy);
                } else {
                    seek(w[base + PURSUE], px, py, predicted, speed, vx, vy);
                }
            }
            seek(w[base + EVADE], -px, -py, predicted, speed, vx, vy);
        }
        if (w[base + AVOID_WALLS] > 0) {
            avoidWalls(w[base + AVOID_WALLS], x, y, vx, vy, speed);
        }
        if (w[base + HOLD] > 0) {
            desire(w[base + HOLD], 0, 0, vx, vy);
        }
        if (w[base + PATROL] > 0) {
            double phase = a.patrolPhase[i] + speed / PATROL_RADIUS;
            a.patrolPhase[i] = phase;
            double dx = a.homeX[i] + Math.cos(phase) * PATROL_RADIUS - x;
            double dy = a.homeY[i] + Math.sin(phase) * PATROL_RADIUS - y;
            seek(w[base + PATROL], dx, dy, Math.sqrt(dx * dx + dy * dy), speed, vx, vy);
        }
        double limit = r.maxForce * a.forceScale[i];
        double f2 = fx * fx + fy * fy;
        if (f2 > limit * limit) {
            double scale = limit / Math.sqrt(f2);
            fx *= scale;
            fy *= scale;
        }
        a.ax[i] = fx;
        a.ay[i] = fy;
    }

    /**
     * One pass over the agents within flocking distance (or just touching distance when no flocking primitive
     * is weighted): the separation sum over everyone, alignment and cohesion over at most {@code maxGroupSize}
     * allies, and the push apart of overlapping bodies.
     */
    private void neighbours(int i, double separation, double alignment, double cohesion) {
        AgentTable a = sim.agents;
        Rules r = sim.rules;
        double x = a.x[i];
        double y = a.y[i];
        double body = 2 * r.radius;
        boolean flocking = separation > 0 || alignment > 0 || cohesion > 0;
        double reach = flocking ? Math.max(r.flockingDistance, body) : body;
        double reach2 = reach * reach;
        double flock2 = r.flockingDistance * r.flockingDistance;
        int team = a.team[i];
        double sepX = 0;
        double sepY = 0;
        double sumVx = 0;
        double sumVy = 0;
        double sumX = 0;
        double sumY = 0;
        int group = 0;
        double pushX = 0;
        double pushY = 0;
        SpatialGrid grid = sim.grid;
        int c0 = grid.column(x - reach);
        int c1 = grid.column(x + reach);
        int r0 = grid.row(y - reach);
        int r1 = grid.row(y + reach);
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                for (int k = grid.start(col, row), end = grid.end(col, row); k < end; k++) {
                    int j = grid.item(k);
                    double dx = x - a.x[j];
                    double dy = y - a.y[j];
                    double d2 = dx * dx + dy * dy;
                    if (j == i || d2 >= reach2) {
                        continue;
                    }
                    if (d2 == 0) {
                        // Exactly on top of each other: part them along x, in slot order (deterministic).
                        dx = i < j ? 1e-3 : -1e-3;
                        d2 = dx * dx;
                    }
                    double d = Math.sqrt(d2);
                    if (d < body) {
                        double push = (body - d) * SOFTNESS / d;
                        pushX += dx * push;
                        pushY += dy * push;
                    }
                    if (flocking && d2 < flock2) {
                        sepX += dx / d2;
                        sepY += dy / d2;
                        if (a.team[j] == team && group < r.maxGroupSize) {
                            group++;
                            sumVx += a.vx[j];
                            sumVy += a.vy[j];
                            sumX += a.x[j];
                            sumY += a.y[j];
                        }
                    }
                }
            }
        }
        a.pushX[i] = pushX;
        a.pushY[i] = pushY;
        double speed = a.maxSpeed[i];
        double vx = a.vx[i];
        double vy = a.vy[i];
        seek(separation, sepX, sepY, Math.sqrt(sepX * sepX + sepY * sepY), speed, vx, vy);
        if (group > 0) {
            seek(alignment, sumVx, sumVy, Math.sqrt(sumVx * sumVx + sumVy * sumVy), speed, vx, vy);
            double dx = sumX / group - x;
            double dy = sumY / group - y;
            seek(cohesion, dx, dy, Math.sqrt(dx * dx + dy * dy), speed, vx, vy);
        }
    }

    /**
     * Looks ahead along the velocity (half way and full way); a point inside a grown wall pushes out along the
     * wall's nearest face, a point beyond the bounds pushes back in.
     */
    private void avoidWalls(double weight, double x, double y, double vx, double vy, double speed) {
        Rules r = sim.rules;
        double ex = 0;
        double ey = 0;
        for (int step = 1; step <= 2; step++) {
            double lx = x + vx * LOOKAHEAD_TICKS * step / 2;
            double ly = y + vy * LOOKAHEAD_TICKS * step / 2;
            ex += lx < r.radius ? 1 : lx > r.width - r.radius ? -1 : 0;
            ey += ly < r.radius ? 1 : ly > r.height - r.radius ? -1 : 0;
            Walls walls = sim.walls;
            int c = walls.column(lx);
            int row = walls.row(ly);
            for (int k = walls.cellStart(c, row), end = walls.cellEnd(c, row); k < end; k++) {
                int wall = walls.cellWall(k);
                if (lx > walls.minX(wall) && lx < walls.maxX(wall) && ly > walls.minY(wall) && ly < walls.maxY(wall)) {
                    double left = lx - walls.minX(wall);
                    double right = walls.maxX(wall) - lx;
                    double top = ly - walls.minY(wall);
                    double bottom = walls.maxY(wall) - ly;
                    double least = Math.min(Math.min(left, right), Math.min(top, bottom));
                    if (least == left) {
                        ex -= 1;
                    } else if (least == right) {
                        ex += 1;
                    } else if (least == top) {
                        ey -= 1;
                    } else {
                        ey += 1;
                    }
                }
            }
        }
        seek(weight, ex, ey, Math.sqrt(ex * ex + ey * ey), speed, vx, vy);
    }

    /** Adds {@code weight * (direction scaled to speed - velocity)}; nothing for a zero direction or weight. */
    private void seek(double weight, double dx, double dy, double length, double speed, double vx, double vy) {
        if (weight <= 0 || length <= 1e-9) {
            return;
        }
        desire(weight, dx / length * speed, dy / length * speed, vx, vy);
    }

    private void desire(double weight, double desiredX, double desiredY, double vx, double vy) {
        fx += weight * (desiredX - vx);
        fy += weight * (desiredY - vy);
    }
}
