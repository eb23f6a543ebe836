package dev.agentarena.behavior;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A steering primitive a rule can blend. Each yields a steering force towards a desired velocity, scaled by
 * its weight in [0, 1]; the engine sums them and limits the total to max force x the rule's forceScale.
 */
public enum Primitive {
    SEEK("seek", TargetUse.REQUIRED, "steer at full speed towards the target"),
    FLEE("flee", TargetUse.REQUIRED, "steer at full speed directly away from the target"),
    ARRIVE("arrive", TargetUse.REQUIRED, "steer towards the target, slowing down inside its slowing radius to stop on it"),
    PURSUE("pursue", TargetUse.REQUIRED, "seek the target's predicted position (its position plus its velocity times the time to reach it), stopping within 0.8 x attack range"),
    EVADE("evade", TargetUse.REQUIRED, "flee the target's predicted position"),
    WANDER("wander", TargetUse.NONE, "random walk: the wander angle changes by at most 0.3 rad per tick"),
    SEPARATION("separation", TargetUse.NONE, "steer away from agents closer than the flocking distance, more strongly the closer they are"),
    ALIGNMENT("alignment", TargetUse.NONE, "match the average velocity of allies within the flocking distance"),
    COHESION("cohesion", TargetUse.NONE, "seek the centre of allies within the flocking distance"),
    AVOID_WALLS("avoid-walls", TargetUse.NONE, "steer away from walls and world bounds that are close ahead"),
    ATTACK("attack", TargetUse.REQUIRED, "does not steer: a positive weight lets the agent strike its target whenever it is within attack range and the cooldown is ready"),
    HOLD("hold", TargetUse.NONE, "brake to a standstill where the agent is"),
    PATROL("patrol", TargetUse.NONE, "circle the agent's spawn point");

    /** How many there are: the simulation keeps one weight per primitive, indexed by ordinal. */
    public static final int COUNT = values().length;

    /** Whether a steer entry with this primitive names a target. */
    public enum TargetUse { REQUIRED, NONE }

    private final String id;
    private final TargetUse targetUse;
    private final String description;

    Primitive(String id, TargetUse targetUse, String description) {
        this.id = id;
        this.targetUse = targetUse;
        this.description = description;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public TargetUse targetUse() {
        return targetUse;
    }

    public String description() {
        return description;
    }

    @JsonCreator
    public static Primitive fromId(String id) {
        for (Primitive p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown primitive '" + id + "', expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Primitive::id).collect(Collectors.joining(", "));
    }
}
