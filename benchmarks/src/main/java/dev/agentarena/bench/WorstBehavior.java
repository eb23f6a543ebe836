package dev.agentarena.bench;

import dev.agentarena.behavior.BehaviorCompiler;
import dev.agentarena.behavior.BehaviorLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The costliest behavior the validator accepts, for measuring what the worst player-written behavior does to
 * a world's tick: every rule but the last has a condition that is always false but must be evaluated in full
 * (arithmetic, no short-circuit), and the last rule steers with every primitive slot filled by computed
 * weights. The number of terms is grown until the validator's cost limits refuse it, so the document sits at
 * those limits whatever their values.
 */
final class WorstBehavior {

    /** A term that reads three perception values and costs a dozen syntax-tree nodes. */
    private static final String TERM = "math.sqrt(math.abs(self.healthRatio * 3.0 + allies.visual - enemies.visual * 0.5))";
    private static final List<String> STEER = List.of("pursue", "attack", "separation", "cohesion", "alignment",
            "avoid-walls", "wander", "evade");

    private WorstBehavior() {
    }

    /** The accepted document with the most evaluation work over {@code rules} rules. */
    static String json(int rules) {
        String best = null;
        for (int terms = 1; terms < 200; terms++) {
            String candidate = document(rules, terms);
            if (!BehaviorCompiler.compile(candidate).ok()) {
                break;
            }
            best = candidate;
        }
        if (best == null) {
            throw new IllegalStateException("no accepted document with " + rules + " rules; limits: rules "
                    + BehaviorLimits.MAX_RULES + ", decision cost " + BehaviorLimits.MAX_DECISION_COST);
        }
        return best;
    }

    private static String document(int rules, int terms) {
        StringJoiner sum = new StringJoiner(" + ");
        for (int i = 0; i < terms; i++) {
            sum.add(TERM);
        }
        List<String> ruleJson = new ArrayList<>();
        for (int i = 0; i < rules - 1; i++) {
            ruleJson.add("{\"name\": \"never" + i + "\", \"condition\": \"" + sum + " < -1.0\","
                    + " \"steer\": [{\"primitive\": \"wander\", \"weight\": 1}]}");
        }
        StringJoiner steer = new StringJoiner(", ");
        for (String primitive : STEER) {
            String target = primitive.equals("pursue") || primitive.equals("attack") || primitive.equals("evade")
                    ? ", \"target\": \"nearestEnemy\"" : "";
            steer.add("{\"primitive\": \"" + primitive + "\"" + target + ", \"weight\": \"math.least(1.0, " + TERM + " / 100.0)\"}");
        }
        ruleJson.add("{\"name\": \"always\", \"condition\": \"true\", \"steer\": [" + steer + "]}");
        return "{\"schemaVersion\": 1, \"name\": \"Worst accepted\", \"rules\": [" + String.join(", ", ruleJson) + "]}";
    }
}
