package dev.agentarena.gateway.check;

import dev.agentarena.behavior.FixedPerception;
import dev.agentarena.behavior.PerceptionVariable;
import dev.agentarena.contracts.messages.LlmExpectation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.agentarena.behavior.PerceptionVariable.*;

/** Turns an expectation's situation into a perception and both into words. */
public final class Situations {

    private Situations() {
    }

    /** The typical mid-fight perception with the situation's values set (enemy and ally seen at rest, in front). */
    public static FixedPerception perception(LlmExpectation e) {
        FixedPerception p = FixedPerception.typical().labelled(describe(e));
        if (e.healthRatio() != null) {
            double ratio = clamp(e.healthRatio());
            p = p.with(SELF_HEALTH_RATIO, ratio).with(SELF_HEALTH, ratio * p.number(SELF_MAX_HEALTH));
        }
        if (e.enemyDistance() != null && e.enemyDistance() < 0) {
            p = p.withoutTarget(NEAREST_ENEMY_EXISTS).withoutTarget(WEAKEST_ENEMY_EXISTS)
                    .with(ENEMIES_VISUAL, 0).with(ENEMIES_RECOGNITION, 0).with(ENEMIES_COMBAT, 0);
        } else if (e.enemyDistance() != null) {
            double d = e.enemyDistance();
            p = p.with(NEAREST_ENEMY_DISTANCE, d).with(WEAKEST_ENEMY_DISTANCE, d)
                    .with(ENEMIES_COMBAT, d <= p.number(ZONES_COMBAT) ? 1 : 0)
                    .with(ENEMIES_RECOGNITION, Math.max(p.number(ENEMIES_RECOGNITION), d <= p.number(ZONES_RECOGNITION) ? 1 : 0))
                    .with(NEAREST_ENEMY_BEARING, 0).with(WEAKEST_ENEMY_BEARING, 0);
        }
        if (e.enemyHealthRatio() != null) {
            double ratio = clamp(e.enemyHealthRatio());
            p = p.with(NEAREST_ENEMY_HEALTH_RATIO, ratio).with(NEAREST_ENEMY_HEALTH, ratio * 100)
                    .with(WEAKEST_ENEMY_HEALTH_RATIO, ratio).with(WEAKEST_ENEMY_HEALTH, ratio * 100);
        }
        if (e.enemies() != null) {
            p = p.with(ENEMIES_RECOGNITION, e.enemies()).with(ENEMIES_VISUAL, Math.max(e.enemies(), p.number(ENEMIES_VISUAL)));
        }
        if (e.allies() != null) {
            p = p.with(ALLIES_RECOGNITION, e.allies()).with(ALLIES_VISUAL, Math.max(e.allies(), p.number(ALLIES_VISUAL)));
        }
        if (e.alliesNear() != null) {
            p = p.with(ALLIES_NEAR, e.alliesNear());
        }
        if (e.allyDistance() != null && e.allyDistance() < 0) {
            p = p.withoutTarget(NEAREST_ALLY_EXISTS).with(ALLIES_VISUAL, 0).with(ALLIES_RECOGNITION, 0)
                    .with(ALLIES_COMBAT, 0).with(ALLIES_NEAR, 0);
        } else if (e.allyDistance() != null) {
            p = p.with(NEAREST_ALLY_DISTANCE, e.allyDistance()).with(NEAREST_ALLY_BEARING, 0);
        }
        if (e.x() != null) {
            p = p.with(SELF_X, e.x());
        }
        if (e.y() != null) {
            p = p.with(SELF_Y, e.y());
        }
        return p;
    }

    public static String describe(LlmExpectation e) {
        List<String> parts = new ArrayList<>();
        if (e.healthRatio() != null) {
            parts.add("health " + Math.round(e.healthRatio() * 100) + " %");
        }
        if (e.enemyDistance() != null) {
            parts.add(e.enemyDistance() < 0 ? "no enemy in sight" : "an enemy at " + number(e.enemyDistance()) + " units");
        }
        if (e.enemyHealthRatio() != null) {
            parts.add("enemy health " + Math.round(e.enemyHealthRatio() * 100) + " %");
        }
        if (e.enemies() != null) {
            parts.add(number(e.enemies()) + " enemies near");
        }
        if (e.allies() != null) {
            parts.add(number(e.allies()) + " allies near");
        }
        if (e.alliesNear() != null) {
            parts.add(number(e.alliesNear()) + " allies in the group");
        }
        if (e.allyDistance() != null) {
            parts.add(e.allyDistance() < 0 ? "no ally in sight" : "an ally at " + number(e.allyDistance()) + " units");
        }
        if (e.x() != null || e.y() != null) {
            parts.add("at (" + number(e.x() == null ? 400 : e.x()) + ", " + number(e.y() == null ? 300 : e.y()) + ")");
        }
        return parts.isEmpty() ? "a typical fight" : String.join(", ", parts);
    }

    public static String describe(LlmExpectation.Outcome outcome) {
        return outcome == null ? "(no outcome given)" : outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double clamp(double ratio) {
        return Math.max(0, Math.min(1, ratio));
    }
}
