package dev.agentarena.gateway.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.json.Json;

/**
 * The building blocks the offline composer assembles: rules of the behavior language whose shapes were
 * checked by hand against docs/behaviors.md and by the tests against the validator, the dry run and the
 * decisions they must make. Each method returns one rule; numbers come in as param names.
 */
final class VettedRules {

    private VettedRules() {
    }

    static ObjectNode flee(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("evade", "nearestEnemy", 1)).add(steer("attack", "nearestEnemy", 1))
                .add(steer("separation", null, 0.4)).add(steer("avoid-walls", null, 0.8)).rule();
    }

    static ObjectNode towardsAlly(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("arrive", "nearestAlly", 1)).add(steer("cohesion", null, 0.6))
                .add(steer("avoid-walls", null, 0.8)).rule();
    }

    /** Pursue and strike {@code target}; {@code grouped} keeps some cohesion while hunting. */
    static ObjectNode hunt(String name, String condition, String target, String forceScale, boolean grouped) {
        Steer steer = rule(name, condition, forceScale)
                .add(steer("pursue", target, 1)).add(steer("attack", target, 1))
                .add(steer("separation", null, 0.4)).add(steer("avoid-walls", null, 0.6));
        if (grouped) {
            steer.add(steer("cohesion", null, 0.3));
        }
        return steer.rule();
    }

    static ObjectNode backOff(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("evade", "nearestEnemy", 1)).add(steer("attack", "nearestEnemy", 1))
                .add(steer("avoid-walls", null, 0.8)).rule();
    }

    static ObjectNode goHome(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("arrive", "home", 1)).add(steer("separation", null, 0.4)).add(steer("avoid-walls", null, 0.6)).rule();
    }

    static ObjectNode patrol(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("patrol", null, 1)).add(steer("separation", null, 0.4)).add(steer("avoid-walls", null, 0.8))
                .add(steer("attack", "nearestEnemy", 1)).rule();
    }

    static ObjectNode hold(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("hold", null, 1)).add(steer("attack", "nearestEnemy", 1)).rule();
    }

    static ObjectNode regroup(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("seek", "nearestAlly", 1)).add(steer("cohesion", null, 0.6)).add(steer("avoid-walls", null, 0.8)).rule();
    }

    static ObjectNode flock(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("wander", null, 0.4)).add(steer("cohesion", null, 0.8)).add(steer("alignment", null, 0.6))
                .add(steer("separation", null, 0.5)).add(steer("avoid-walls", null, 1)).add(steer("attack", "nearestEnemy", 1)).rule();
    }

    static ObjectNode wander(String name, String condition) {
        return rule(name, condition, null)
                .add(steer("wander", null, 1)).add(steer("separation", null, 0.4)).add(steer("avoid-walls", null, 1))
                .add(steer("attack", "nearestEnemy", 1)).rule();
    }

    private static ObjectNode steer(String primitive, String target, double weight) {
        ObjectNode entry = Json.mapper().createObjectNode().put("primitive", primitive);
        if (target != null) {
            entry.put("target", target);
        }
        return entry.put("weight", weight);
    }

    private static Steer rule(String name, String condition, String forceScale) {
        ObjectNode rule = Json.mapper().createObjectNode().put("name", name).put("condition", condition);
        if (forceScale != null) {
            rule.put("forceScale", forceScale);
        }
        return new Steer(rule, rule.putArray("steer"));
    }

    private record Steer(ObjectNode rule, ArrayNode entries) {
        Steer add(ObjectNode entry) {
            entries.add(entry);
            return this;
        }
    }
}
