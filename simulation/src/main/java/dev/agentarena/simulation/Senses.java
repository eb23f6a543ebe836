package dev.agentarena.simulation;

/**
 * Fills an agent's {@link Perception} from the spatial grid, the walls, its team and the round, and resolves
 * the target a plan names to a slot. Holds the one reused perception and plan of its world.
 */
final class Senses {

    private final Simulation sim;
    private final Perception perception = new Perception();
    private final SteeringPlan plan = new SteeringPlan();
    private int nearestEnemy;
    private int nearestAlly;
    private int weakestEnemy;

    Senses(Simulation sim) {
        this.sim = sim;
    }

    SteeringPlan plan() {
        return plan;
    }

    Perception perceive(int i) {
        AgentTable a = sim.agents;
        Rules r = sim.rules;
        Perception p = perception;
        double x = a.x[i];
        double y = a.y[i];
        int team = a.team[i];
        if (a.vx[i] != 0 || a.vy[i] != 0) {
            a.heading[i] = Math.atan2(a.vy[i], a.vx[i]);
        }
        p.id = a.id[i];
        p.team = team;
        p.health = a.health[i];
        p.maxHealth = r.baseHealth;
        p.x = x;
        p.y = y;
        p.vx = a.vx[i];
        p.vy = a.vy[i];
        p.heading = a.heading[i];
        p.maxSpeed = a.maxSpeed[i];
        p.cooldownReady = sim.tick >= a.cooldownUntil[i];
        p.spawnProtected = sim.tick < a.protectedUntil[i];
        p.kills = a.kills[i];
        p.age = r.seconds(sim.tick - a.spawnTick[i]);
        p.enemiesVisual = 0;
        p.enemiesRecognition = 0;
        p.enemiesCombat = 0;
        p.alliesVisual = 0;
        p.alliesRecognition = 0;
        p.alliesCombat = 0;
        p.alliesNear = 0;
        nearestEnemy = -1;
        nearestAlly = -1;
        weakestEnemy = -1;
        double enemyD2 = Double.POSITIVE_INFINITY;
        double allyD2 = Double.POSITIVE_INFINITY;
        double visual2 = r.visualRange * r.visualRange;
        double recognition2 = r.recognitionRange * r.recognitionRange;
        double combat2 = r.attackRange * r.attackRange;
        double flock2 = r.flockingDistance * r.flockingDistance;
        SpatialGrid grid = sim.grid;
        int c0 = grid.column(x - r.visualRange);
        int c1 = grid.column(x + r.visualRange);
        int r0 = grid.row(y - r.visualRange);
        int r1 = grid.row(y + r.visualRange);
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                for (int k = grid.start(col, row), end = grid.end(col, row); k < end; k++) {
                    int j = grid.item(k);
                    double dx = a.x[j] - x;
                    double dy = a.y[j] - y;
                    double d2 = dx * dx + dy * dy;
                    if (j == i || d2 > visual2) {
                        continue;
                    }
                    if (a.team[j] != team) {
                        p.enemiesVisual++;
                        p.enemiesRecognition += d2 <= recognition2 ? 1 : 0;
                        p.enemiesCombat += d2 <= combat2 ? 1 : 0;
                        if (d2 < enemyD2) {
                            enemyD2 = d2;
                            nearestEnemy = j;
                        }
                        if (weakestEnemy < 0 || a.health[j] < a.health[weakestEnemy]) {
                            weakestEnemy = j;
                        }
                    } else {
                        p.alliesVisual++;
                        p.alliesRecognition += d2 <= recognition2 ? 1 : 0;
                        p.alliesCombat += d2 <= combat2 ? 1 : 0;
                        p.alliesNear += d2 <= flock2 ? 1 : 0;
                        if (d2 < allyD2) {
                            allyD2 = d2;
                            nearestAlly = j;
                        }
                    }
                }
            }
        }
        contact(p.nearestEnemy, i, nearestEnemy);
        contact(p.nearestAlly, i, nearestAlly);
        contact(p.weakestEnemy, i, weakestEnemy);
        double bounds = Math.min(Math.min(x - r.radius, r.width - r.radius - x),
                Math.min(y - r.radius, r.height - r.radius - y));
        p.nearestWallDistance = Math.max(0, Math.min(bounds, sim.walls.nearestDistance(x, y, r.visualRange)));
        p.teamAlive = sim.teamAlive[team];
        p.teamKills = sim.teamKills[team];
        p.roundTimeLeft = sim.roundTimeLeft();
        p.visualRange = r.visualRange;
        p.recognitionRange = r.recognitionRange;
        p.attackRange = r.attackRange;
        p.flockingDistance = r.flockingDistance;
        return p;
    }

    /** The slot a plan's target names, as found by the last {@link #perceive}; -1 when none or not an agent. */
    int targetSlot(TargetKind kind) {
        return switch (kind) {
            case NEAREST_ENEMY -> nearestEnemy;
            case WEAKEST_ENEMY -> weakestEnemy;
            case NEAREST_ALLY -> nearestAlly;
            case HOME, NONE -> -1;
        };
    }

    private void contact(Perception.Contact contact, int self, int other) {
        if (other < 0) {
            contact.clear();
            return;
        }
        AgentTable a = sim.agents;
        double dx = a.x[other] - a.x[self];
        double dy = a.y[other] - a.y[self];
        contact.exists = true;
        contact.id = a.id[other];
        contact.distance = Math.sqrt(dx * dx + dy * dy);
        contact.health = a.health[other];
        contact.healthRatio = a.health[other] / sim.rules.baseHealth;
        contact.bearing = Steering.normalizeAngle(Math.atan2(dy, dx) - a.heading[self]);
    }
}
