package dev.agentarena.simulation;

/**
 * An agent put at a given spot rather than spawned at a random one ({@link Simulation#placeAgent}): for
 * scenarios and tests.
 *
 * @param health    null: the config's base health
 * @param maxSpeed  null: drawn from [minSpeed, maxSpeed] like any agent's
 * @param damage    null: drawn from [minDamage, maxDamage]
 * @param waypoints null for an agent that runs its team's behavior; else x, y pairs (at least one) that the
 *                  agent follows instead, a controlled mover that thinks nothing
 * @param loop      whether a scripted agent starts over after its last waypoint (else it holds there)
 */
public record AgentPlacement(int team, double x, double y, double vx, double vy, Double health, Double maxSpeed,
                             Double damage, double[] waypoints, boolean loop) {

    public AgentPlacement {
        if (waypoints != null && (waypoints.length < 2 || waypoints.length % 2 != 0)) {
            throw new IllegalArgumentException("waypoints are x, y pairs, at least one; got " + waypoints.length + " numbers");
        }
    }

    /** An agent at rest at (x, y) with the config's health and drawn stats, running its team's behavior. */
    public static AgentPlacement at(int team, double x, double y) {
        return new AgentPlacement(team, x, y, 0, 0, null, null, null, null, false);
    }
}
