package dev.agentarena.simulation;

/**
 * Everything one agent perceives when it thinks: itself, the counts of enemies and allies within each
 * awareness zone, its nearest enemy, nearest ally and weakest visible enemy, the nearest wall, its team and
 * the round. Distances are in world units, angles in radians, times in seconds. One instance is refilled for
 * every decision (no allocation per think): a policy must not keep it.
 */
public final class Perception {

    /** Another agent as seen from the perceiving one; {@link #exists()} is false when there is none in sight. */
    public static final class Contact {
        boolean exists;
        long id;
        double distance;
        double health;
        double healthRatio;
        double bearing;

        public boolean exists() { return exists; }
        public long id() { return id; }
        /** Centre-to-centre distance; {@code +Infinity} when none. */
        public double distance() { return distance; }
        public double health() { return health; }
        public double healthRatio() { return healthRatio; }
        /** Angle from the agent's heading to the contact, in [-pi, pi]; positive is clockwise on screen. */
        public double bearing() { return bearing; }

        void clear() {
            exists = false;
            id = 0;
            distance = Double.POSITIVE_INFINITY;
            health = 0;
            healthRatio = 0;
            bearing = 0;
        }
    }

    long id;
    int team;
    double health;
    double maxHealth;
    double x;
    double y;
    double vx;
    double vy;
    double heading;
    double maxSpeed;
    boolean cooldownReady;
    boolean spawnProtected;
    int kills;
    double age;

    int enemiesVisual;
    int enemiesRecognition;
    int enemiesCombat;
    int alliesVisual;
    int alliesRecognition;
    int alliesCombat;
    int alliesNear;

    final Contact nearestEnemy = new Contact();
    final Contact nearestAlly = new Contact();
    final Contact weakestEnemy = new Contact();
    double nearestWallDistance;

    int teamAlive;
    int teamKills;
    double roundTimeLeft;

    double visualRange;
    double recognitionRange;
    double attackRange;
    double flockingDistance;

    // Self.
    public long id() { return id; }
    public int team() { return team; }
    public double health() { return health; }
    public double maxHealth() { return maxHealth; }
    public double healthRatio() { return maxHealth > 0 ? health / maxHealth : 0; }
    public double x() { return x; }
    public double y() { return y; }
    public double vx() { return vx; }
    public double vy() { return vy; }
    public double speed() { return Math.sqrt(vx * vx + vy * vy); }
    public double maxSpeed() { return maxSpeed; }
    public double heading() { return heading; }
    public boolean cooldownReady() { return cooldownReady; }
    public boolean spawnProtected() { return spawnProtected; }
    public int kills() { return kills; }
    /** Seconds since this agent last spawned. */
    public double age() { return age; }

    // Counts per awareness zone (visual >= recognition >= combat by default; each is its own radius).
    public int enemiesVisual() { return enemiesVisual; }
    public int enemiesRecognition() { return enemiesRecognition; }
    public int enemiesCombat() { return enemiesCombat; }
    public int alliesVisual() { return alliesVisual; }
    public int alliesRecognition() { return alliesRecognition; }
    public int alliesCombat() { return alliesCombat; }
    /** Allies within {@code flockingDistance}: the agent's group. */
    public int alliesNear() { return alliesNear; }

    // Contacts (searched within the visual range).
    public Contact nearestEnemy() { return nearestEnemy; }
    public Contact nearestAlly() { return nearestAlly; }
    public Contact weakestEnemy() { return weakestEnemy; }
    /** Distance from the agent's edge to the nearest wall or bound, capped at the visual range. */
    public double nearestWallDistance() { return nearestWallDistance; }

    // Team and round.
    public int teamAlive() { return teamAlive; }
    public int teamKills() { return teamKills; }
    /** Seconds left in the current round; {@code +Infinity} when world logic (rounds) is off. */
    public double roundTimeLeft() { return roundTimeLeft; }

    // The zone radii in force, so a policy can reason about them.
    public double visualRange() { return visualRange; }
    public double recognitionRange() { return recognitionRange; }
    public double attackRange() { return attackRange; }
    public double flockingDistance() { return flockingDistance; }

    /** Builder for tests and dry runs (e.g. the behavior language's edge-case perceptions). */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets fields by name; unset contacts do not exist. */
    public static final class Builder {
        private final Perception p = new Perception();

        Builder() {
            p.nearestEnemy.clear();
            p.nearestAlly.clear();
            p.weakestEnemy.clear();
            p.maxHealth = 100;
            p.health = 100;
            p.maxSpeed = 3;
            p.cooldownReady = true;
            p.nearestWallDistance = 150;
            p.roundTimeLeft = 300;
            p.visualRange = 150;
            p.recognitionRange = 100;
            p.attackRange = 30;
            p.flockingDistance = 50;
        }

        public Builder health(double health, double maxHealth) { p.health = health; p.maxHealth = maxHealth; return this; }
        public Builder position(double x, double y) { p.x = x; p.y = y; return this; }
        public Builder velocity(double vx, double vy) { p.vx = vx; p.vy = vy; return this; }
        public Builder enemies(int visual, int recognition, int combat) {
            p.enemiesVisual = visual; p.enemiesRecognition = recognition; p.enemiesCombat = combat; return this;
        }
        public Builder allies(int visual, int recognition, int combat, int near) {
            p.alliesVisual = visual; p.alliesRecognition = recognition; p.alliesCombat = combat; p.alliesNear = near;
            return this;
        }
        public Builder nearestEnemy(double distance, double health) { set(p.nearestEnemy, distance, health); return this; }
        public Builder nearestAlly(double distance, double health) { set(p.nearestAlly, distance, health); return this; }
        public Builder weakestEnemy(double distance, double health) { set(p.weakestEnemy, distance, health); return this; }
        public Builder cooldownReady(boolean ready) { p.cooldownReady = ready; return this; }
        public Builder spawnProtected(boolean value) { p.spawnProtected = value; return this; }
        public Builder nearestWallDistance(double distance) { p.nearestWallDistance = distance; return this; }
        public Builder team(int team, int alive, int kills) { p.team = team; p.teamAlive = alive; p.teamKills = kills; return this; }
        public Builder roundTimeLeft(double seconds) { p.roundTimeLeft = seconds; return this; }
        public Perception build() { return p; }

        private void set(Contact contact, double distance, double health) {
            contact.exists = true;
            contact.distance = distance;
            contact.health = health;
            contact.healthRatio = health / p.maxHealth;
        }
    }
}
