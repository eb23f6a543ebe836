package dev.agentarena.simulation;

/**
 * Semi-implicit Euler (velocity first, then position with the new velocity) and swept collision. Each agent's
 * centre moves along its displacement against the walls grown by its radius and against the bounds shrunk by
 * it; at the earliest contact it stops on the face (snapped exactly onto it), its velocity bounces (normal
 * part x -restitution, tangential part x friction) and the rest of the step continues, a few times at most.
 * A centre that starts outside every grown wall therefore never ends inside one, however fast it moves.
 */
final class Motion {

    static final double RESTITUTION = 0.3;
    static final double FRICTION = 0.8;
    /** A bound hit at least this fast (units/tick, along the normal) is an impact that costs boundaryDamage. */
    static final double IMPACT_SPEED = 0.5;
    private static final int MAX_BOUNCES = 4;
    private static final int NONE = 0;
    private static final int AXIS_X = 1;
    private static final int AXIS_Y = 2;

    private final Simulation sim;
    // The earliest contact found by the current search.
    private double hitT;
    private int hitAxis;
    private double hitFace;
    private boolean hitBound;

    Motion(Simulation sim) {
        this.sim = sim;
    }

    void move(int i) {
        AgentTable a = sim.agents;
        Rules r = sim.rules;
        double oldVx = a.vx[i];
        double oldVy = a.vy[i];
        double vx = oldVx + a.ax[i];
        double vy = oldVy + a.ay[i];
        // Turn rate: the direction of travel may rotate by at most turnSpeed per tick.
        double oldSpeed2 = oldVx * oldVx + oldVy * oldVy;
        double speed2 = vx * vx + vy * vy;
        if (oldSpeed2 > 1e-12 && speed2 > 1e-12) {
            double norms = Math.sqrt(oldSpeed2 * speed2);
            if ((oldVx * vx + oldVy * vy) < r.cosTurn * norms) {
                double sin = (oldVx * vy - oldVy * vx) >= 0 ? r.sinTurn : -r.sinTurn;
                double scale = Math.sqrt(speed2 / oldSpeed2);
                double rx = (oldVx * r.cosTurn - oldVy * sin) * scale;
                double ry = (oldVx * sin + oldVy * r.cosTurn) * scale;
                vx = rx;
                vy = ry;
            }
        }
        double max = a.maxSpeed[i];
        speed2 = vx * vx + vy * vy;
        if (speed2 > max * max) {
            double scale = max / Math.sqrt(speed2);
            vx *= scale;
            vy *= scale;
        }
        vx += a.pushX[i];
        vy += a.pushY[i];
        double x = a.x[i];
        double y = a.y[i];
        double dx = vx;
        double dy = vy;
        boolean impact = false;
        for (int bounce = 0; bounce < MAX_BOUNCES && (dx != 0 || dy != 0); bounce++) {
            earliestContact(x, y, dx, dy, r);
            if (hitAxis == NONE) {
                x += dx;
                y += dy;
                dx = 0;
                dy = 0;
                break;
            }
            x += dx * hitT;
            y += dy * hitT;
            double rest = 1 - hitT;
            if (hitAxis == AXIS_X) {
                x = hitFace;
                impact |= hitBound && Math.abs(vx) >= IMPACT_SPEED;
                vx = -vx * RESTITUTION;
                vy *= FRICTION;
            } else {
                y = hitFace;
                impact |= hitBound && Math.abs(vy) >= IMPACT_SPEED;
                vy = -vy * RESTITUTION;
                vx *= FRICTION;
            }
            dx = vx * rest;
            dy = vy * rest;
        }
        a.x[i] = x;
        a.y[i] = y;
        a.vx[i] = vx;
        a.vy[i] = vy;
        if (impact && r.worldLogic && r.boundaryDamage > 0 && sim.tick >= a.protectedUntil[i]) {
            sim.damage(i, -1, r.boundaryDamage);
        }
    }

    /** Finds the earliest contact of the segment (x, y) + t (dx, dy), t in [0, 1], with a bound or a wall. */
    private void earliestContact(double x, double y, double dx, double dy, Rules r) {
        hitT = Double.POSITIVE_INFINITY;
        hitAxis = NONE;
        double low = r.radius;
        double right = r.width - r.radius;
        double bottom = r.height - r.radius;
        if (dx < 0 && x + dx < low) {
            candidate((low - x) / dx, AXIS_X, low, true);
        } else if (dx > 0 && x + dx > right) {
            candidate((right - x) / dx, AXIS_X, right, true);
        }
        if (dy < 0 && y + dy < low) {
            candidate((low - y) / dy, AXIS_Y, low, true);
        } else if (dy > 0 && y + dy > bottom) {
            candidate((bottom - y) / dy, AXIS_Y, bottom, true);
        }
        Walls walls = sim.walls;
        if (walls.count() == 0) {
            return;
        }
        int c0 = walls.column(Math.min(x, x + dx));
        int c1 = walls.column(Math.max(x, x + dx));
        int r0 = walls.row(Math.min(y, y + dy));
        int r1 = walls.row(Math.max(y, y + dy));
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                for (int k = walls.cellStart(col, row), end = walls.cellEnd(col, row); k < end; k++) {
                    sweepBox(walls, walls.cellWall(k), x, y, dx, dy);
                }
            }
        }
    }

    /** Slab test of the segment against one grown wall; a start on a face or outside moving away is no hit. */
    private void sweepBox(Walls walls, int w, double x, double y, double dx, double dy) {
        double minX = walls.minX(w);
        double maxX = walls.maxX(w);
        double minY = walls.minY(w);
        double maxY = walls.maxY(w);
        double enter = Double.NEGATIVE_INFINITY;
        double exit = Double.POSITIVE_INFINITY;
        int axis = NONE;
        double face = 0;
        if (dx == 0) {
            if (x <= minX || x >= maxX) {
                return;
            }
        } else {
            double t1 = (minX - x) / dx;
            double t2 = (maxX - x) / dx;
            double near = dx > 0 ? t1 : t2;
            double far = dx > 0 ? t2 : t1;
            enter = near;
            exit = far;
            axis = AXIS_X;
            face = dx > 0 ? minX : maxX;
        }
        if (dy == 0) {
            if (y <= minY || y >= maxY) {
                return;
            }
        } else {
            double t1 = (minY - y) / dy;
            double t2 = (maxY - y) / dy;
            double near = dy > 0 ? t1 : t2;
            double far = dy > 0 ? t2 : t1;
            if (near > enter) {
                enter = near;
                axis = AXIS_Y;
                face = dy > 0 ? minY : maxY;
            }
            exit = Math.min(exit, far);
        }
        // Entering at enter in [0, 1] while the box is still ahead (exit > enter and exit > 0).
        if (enter >= 0 && enter <= 1 && enter < exit) {
            candidate(enter, axis, face, false);
        }
    }

    private void candidate(double t, int axis, double face, boolean bound) {
        if (t < hitT) {
            hitT = Math.max(0, t);
            hitAxis = axis;
            hitFace = face;
            hitBound = bound;
        }
    }
}
