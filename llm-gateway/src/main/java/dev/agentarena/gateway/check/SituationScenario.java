package dev.agentarena.gateway.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.behavior.FixedPerception;
import dev.agentarena.behavior.PerceptionVariable;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmExpectation;

import java.util.Optional;

/**
 * Sets an expectation's situation up as a scenario document (docs/scenarios.md): the agent under test runs the
 * drafted behavior; the enemies and allies around it are scripted to stand still, so what changes is the
 * agent's doing alone. The numbers mirror the one-think situation ({@link Situations#perception}): the same
 * health, distances and counts, with the typical perception's values where the expectation names none. The
 * outcome becomes one expectation of the scenario vocabulary; an outcome that vocabulary cannot measure has
 * no scenario (and its check is reported as not run).
 */
final class SituationScenario {

    /**
     * Ticks a run lasts: one second of world time. Long enough to see a decision carried out (a few thinks, a
     * strike), short enough that the situation still holds: an agent that charged its enemy has not yet left its
     * allies behind, and no one has died.
     */
    static final int TICKS = 60;

    private static final ArenaConfig CONFIG = ArenaConfig.defaults();
    private static final double RADIUS = CONFIG.agentRadius();
    private static final double WIDTH = CONFIG.worldWidth();
    private static final double HEIGHT = CONFIG.worldHeight();
    /** The typical fight's figures, as the one-think check has them: what an expectation leaves out. */
    private static final FixedPerception TYPICAL = FixedPerception.typical();
    private static final double TYPICAL_HEALTH_RATIO = TYPICAL.number(PerceptionVariable.SELF_HEALTH_RATIO);
    private static final double TYPICAL_ENEMY_DISTANCE = TYPICAL.number(PerceptionVariable.NEAREST_ENEMY_DISTANCE);
    private static final double TYPICAL_ENEMY_HEALTH_RATIO = TYPICAL.number(PerceptionVariable.NEAREST_ENEMY_HEALTH_RATIO);
    private static final double TYPICAL_ALLY_DISTANCE = TYPICAL.number(PerceptionVariable.NEAREST_ALLY_DISTANCE);
    /** Most extra enemies or allies placed for an expectation's counts. */
    private static final int MAX_COUNT = 6;
    /** Radians between neighbours of a group of enemies or allies. */
    private static final double GROUP_STEP = 0.35;
    /**
     * A change in distance smaller than this is no move: an agent radius. Small, because a behavior may rightly
     * stop short (a kiter closes only to its keeping distance), and still twice what standing still drifts.
     */
    private static final double LEAST_MOVE = RADIUS;

    private final LlmExpectation expectation;
    private final double x;
    private final double y;
    private final ObjectNode document = Json.mapper().createObjectNode();
    private final ArrayNode agents;

    private SituationScenario(LlmExpectation expectation) {
        this.expectation = expectation;
        this.x = clamp(expectation.x() == null ? WIDTH / 2 : expectation.x(), WIDTH);
        this.y = clamp(expectation.y() == null ? HEIGHT / 2 : expectation.y(), HEIGHT);
        document.put("name", "copilot check");
        document.put("description", Situations.describe(expectation));
        // Open ground, no spawn protection, every strike the same (10): nothing random but the behavior's own wander.
        document.putObject("arena").put("wallLayout", "open").put("spawnProtectionTime", 0).put("respawnEnabled", false)
                .put("minDamage", 10.0).put("maxDamage", 10.0).put("roundTime", 600.0);
        document.put("seed", 1).put("ticks", TICKS);
        agents = document.putArray("agents");
    }

    /** The scenario of {@code expectation} run on {@code behavior}, or empty when its outcome has no measure. */
    static Optional<JsonNode> of(LlmExpectation expectation, JsonNode behavior) {
        return new SituationScenario(expectation).build(behavior);
    }

    private Optional<JsonNode> build(JsonNode behavior) {
        double health = ratio(expectation.healthRatio(), TYPICAL_HEALTH_RATIO) * CONFIG.baseHealth();
        ObjectNode subject = agent("subject", 0, x, y).put("health", Math.max(1, health));
        subject.set("behavior", behavior);
        boolean enemyInSight = expectation.enemyDistance() == null || expectation.enemyDistance() >= 0;
        double enemyDistance = enemyInSight && expectation.enemyDistance() != null ? expectation.enemyDistance() : TYPICAL_ENEMY_DISTANCE;
        if (enemyInSight) {
            int enemies = count(expectation.enemies());
            double enemyHealth = ratio(expectation.enemyHealthRatio(), TYPICAL_ENEMY_HEALTH_RATIO) * CONFIG.baseHealth();
            for (int i = 0; i < enemies; i++) {
                standing("enemy" + (i == 0 ? "" : i), 1, enemyDistance, spread(0, i)).put("health", Math.max(1, enemyHealth));
            }
            if (expectation.outcome() == LlmExpectation.Outcome.MOVES_TOWARD_WEAKEST_ENEMY) {
                standing("strong", 1, enemyDistance, Math.PI + 0.5);
            }
        } else {
            // Someone must be on the other team or the round ends at once: far out of sight, in the farthest corner.
            double cx = x < WIDTH / 2 ? WIDTH - RADIUS - 1 : RADIUS + 1;
            double cy = y < HEIGHT / 2 ? HEIGHT - RADIUS - 1 : RADIUS + 1;
            standing("enemy", 1, Math.hypot(cx - x, cy - y), Math.atan2(cy - y, cx - x));
        }
        boolean allyInSight = expectation.allyDistance() == null || expectation.allyDistance() >= 0;
        double allyDistance = allyInSight && expectation.allyDistance() != null ? expectation.allyDistance() : TYPICAL_ALLY_DISTANCE;
        if (allyInSight) {
            int allies = count(expectation.allies() != null ? expectation.allies() : expectation.alliesNear());
            for (int i = 0; i < allies; i++) {
                standing("ally" + (i == 0 ? "" : i), 0, allyDistance, spread(Math.PI / 2, i));
            }
        }
        return measure(enemyDistance, allyDistance).map(check -> {
            document.putArray("expectations").add(check);
            document.putObject("trace").put("every", 10).putArray("agents").add("subject");
            return document;
        });
    }

    /** The outcome as one expectation of the scenario vocabulary. */
    private Optional<ObjectNode> measure(double enemyDistance, double allyDistance) {
        LlmExpectation.Outcome outcome = expectation.outcome();
        if (outcome == null) {
            return Optional.empty();
        }
        // Half of what can be closed: pursuit stops at 0.8 x attack range, and agents stop at contact.
        double closable = (enemyDistance - 0.8 * CONFIG.attackRange()) / 2;
        double closableToAlly = (allyDistance - 2 * RADIUS) / 2;
        return switch (outcome) {
            case MOVES_AWAY_FROM_ENEMY -> Optional.of(distance("enemy", "grows", LEAST_MOVE));
            case MOVES_TOWARD_ENEMY, MOVES_TOWARD_WEAKEST_ENEMY -> closable < 2 ? Optional.empty()
                    : Optional.of(distance("enemy", "shrinks", Math.min(LEAST_MOVE, closable)));
            case STRIKES_ENEMY -> Optional.of(check("attacks").put("agent", "subject").put("target", "enemy").put("byTick", TICKS));
            case STAYS_WITH_ALLIES -> Optional.of(check("staysWithin").put("agent", "subject").put("of", "ally")
                    .put("radius", allyDistance + CONFIG.flockingDistance()));
            case MOVES_TOWARD_ALLY -> closableToAlly < 2 ? Optional.empty()
                    : Optional.of(distance("ally", "shrinks", Math.min(LEAST_MOVE, closableToAlly)));
            case HOLDS_POSITION -> {
                ObjectNode stay = check("staysWithin").put("agent", "subject").put("radius", 2 * RADIUS);
                stay.putArray("point").add(x).add(y);
                yield Optional.of(stay);
            }
            // Wandering has no direction to measure, and home is where a scenario places the agent.
            case WANDERS, GOES_HOME -> Optional.empty();
        };
    }

    private ObjectNode distance(String other, String way, double units) {
        return check("distance").put("a", "subject").put("b", other).put(way, units);
    }

    private ObjectNode check(String type) {
        return Json.mapper().createObjectNode().put("type", type);
    }

    /** A scripted agent holding its place at {@code distance} from the subject, {@code angle} radians round. */
    private ObjectNode standing(String name, int team, double distance, double angle) {
        double px = clamp(x + Math.cos(angle) * distance, WIDTH);
        double py = clamp(y + Math.sin(angle) * distance, HEIGHT);
        ObjectNode agent = agent(name, team, px, py);
        agent.putArray("waypoints").addArray().add(px).add(py);
        return agent;
    }

    private ObjectNode agent(String name, int team, double px, double py) {
        ObjectNode agent = agents.addObject().put("name", name).put("team", team);
        agent.putArray("position").add(px).add(py);
        return agent;
    }

    /**
     * The direction of the {@code i}-th of a group: groups stand together on one side (a ring would surround the
     * agent, so that fleeing one enemy meant running into another), alternating either side of {@code centre}.
     */
    private static double spread(double centre, int i) {
        return centre + GROUP_STEP * ((i + 1) / 2) * (i % 2 == 0 ? 1 : -1);
    }

    private static int count(Double asked) {
        return asked == null ? 1 : (int) Math.max(1, Math.min(MAX_COUNT, Math.round(asked)));
    }

    private static double ratio(Double asked, double typical) {
        return asked == null ? typical : Math.max(0.01, Math.min(1, asked));
    }

    /** Inside the bounds shrunk by the agent radius, where the scenario may place an agent. */
    private static double clamp(double value, double extent) {
        return Math.max(RADIUS + 1, Math.min(extent - RADIUS - 1, value));
    }
}
