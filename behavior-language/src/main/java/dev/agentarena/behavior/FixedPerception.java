package dev.agentarena.behavior;

import java.util.EnumMap;
import java.util.Map;

/**
 * A perception given as fixed values: for the dry run, tests and recorded perceptions. Every variable has a
 * value (a plausible mid-fight default unless set), so a perception is always complete.
 */
public final class FixedPerception implements PerceptionValues {

    private final String label;
    private final Map<PerceptionVariable, Double> numbers;
    private final Map<PerceptionVariable, Boolean> flags;

    private FixedPerception(String label, Map<PerceptionVariable, Double> numbers, Map<PerceptionVariable, Boolean> flags) {
        this.label = label;
        this.numbers = numbers;
        this.flags = flags;
    }

    /** A healthy agent mid-fight with the prototype's zones (150 / 100 / 30, flocking 50). */
    public static FixedPerception typical() {
        Map<PerceptionVariable, Double> n = new EnumMap<>(PerceptionVariable.class);
        Map<PerceptionVariable, Boolean> f = new EnumMap<>(PerceptionVariable.class);
        n.put(PerceptionVariable.SELF_HEALTH, 80.0);
        n.put(PerceptionVariable.SELF_MAX_HEALTH, 100.0);
        n.put(PerceptionVariable.SELF_HEALTH_RATIO, 0.8);
        n.put(PerceptionVariable.SELF_SPEED, 2.0);
        n.put(PerceptionVariable.SELF_MAX_SPEED, 3.0);
        n.put(PerceptionVariable.SELF_X, 400.0);
        n.put(PerceptionVariable.SELF_Y, 300.0);
        n.put(PerceptionVariable.SELF_VX, 1.2);
        n.put(PerceptionVariable.SELF_VY, 1.6);
        n.put(PerceptionVariable.SELF_ATTACK_RANGE, 30.0);
        f.put(PerceptionVariable.SELF_COOLDOWN_READY, true);
        f.put(PerceptionVariable.SELF_SPAWN_PROTECTED, false);
        n.put(PerceptionVariable.SELF_KILLS, 1.0);
        n.put(PerceptionVariable.SELF_AGE, 20.0);
        n.put(PerceptionVariable.ENEMIES_VISUAL, 2.0);
        n.put(PerceptionVariable.ENEMIES_RECOGNITION, 1.0);
        n.put(PerceptionVariable.ENEMIES_COMBAT, 0.0);
        n.put(PerceptionVariable.ALLIES_VISUAL, 2.0);
        n.put(PerceptionVariable.ALLIES_RECOGNITION, 1.0);
        n.put(PerceptionVariable.ALLIES_COMBAT, 0.0);
        n.put(PerceptionVariable.ALLIES_NEAR, 1.0);
        target(n, f, PerceptionVariable.NEAREST_ENEMY_EXISTS, 90.0, 60.0, 0.6, 0.5);
        target(n, f, PerceptionVariable.WEAKEST_ENEMY_EXISTS, 120.0, 40.0, 0.4, -0.8);
        target(n, f, PerceptionVariable.NEAREST_ALLY_EXISTS, 40.0, 90.0, 0.9, 2.0);
        n.put(PerceptionVariable.NEAREST_WALL_DISTANCE, 100.0);
        n.put(PerceptionVariable.TEAM_ALIVE, 5.0);
        n.put(PerceptionVariable.TEAM_KILLS, 2.0);
        n.put(PerceptionVariable.ROUND_TIME_LEFT, 200.0);
        n.put(PerceptionVariable.ZONES_VISUAL, 150.0);
        n.put(PerceptionVariable.ZONES_RECOGNITION, 100.0);
        n.put(PerceptionVariable.ZONES_COMBAT, 30.0);
        n.put(PerceptionVariable.ZONES_FLOCKING, 50.0);
        return new FixedPerception("typical", n, f);
    }

    /** Sets the four values of a target group; {@code exists} is the group's flag. */
    private static void target(Map<PerceptionVariable, Double> n, Map<PerceptionVariable, Boolean> f,
                               PerceptionVariable exists, double distance, double health, double ratio, double bearing) {
        PerceptionVariable[] all = PerceptionVariable.values();
        f.put(exists, true);
        n.put(all[exists.ordinal() + 1], distance);
        n.put(all[exists.ordinal() + 2], health);
        n.put(all[exists.ordinal() + 3], ratio);
        n.put(all[exists.ordinal() + 4], bearing);
    }

    public FixedPerception with(PerceptionVariable variable, double value) {
        if (variable.kind() != PerceptionVariable.Kind.NUMBER) {
            throw new IllegalArgumentException(variable.celName() + " is a flag");
        }
        Map<PerceptionVariable, Double> n = new EnumMap<>(numbers);
        n.put(variable, value);
        return new FixedPerception(label, n, flags);
    }

    public FixedPerception with(PerceptionVariable variable, boolean value) {
        if (variable.kind() != PerceptionVariable.Kind.FLAG) {
            throw new IllegalArgumentException(variable.celName() + " is a number");
        }
        Map<PerceptionVariable, Boolean> f = new EnumMap<>(flags);
        f.put(variable, value);
        return new FixedPerception(label, numbers, f);
    }

    /** The target group led by {@code exists} (e.g. {@link PerceptionVariable#NEAREST_ENEMY_EXISTS}) seen as absent. */
    public FixedPerception withoutTarget(PerceptionVariable exists) {
        FixedPerception p = with(exists, false);
        Map<PerceptionVariable, Double> n = new EnumMap<>(p.numbers);
        Map<PerceptionVariable, Boolean> f = new EnumMap<>(p.flags);
        target(n, f, exists, PerceptionVariable.Constants.ABSENT_DISTANCE, 0, 0, 0);
        f.put(exists, false);
        return new FixedPerception(label, n, f);
    }

    public FixedPerception labelled(String newLabel) {
        return new FixedPerception(newLabel, numbers, flags);
    }

    public String label() {
        return label;
    }

    @Override
    public double number(PerceptionVariable variable) {
        return numbers.get(variable);
    }

    @Override
    public boolean flag(PerceptionVariable variable) {
        return flags.get(variable);
    }

    @Override
    public String toString() {
        return label;
    }
}
