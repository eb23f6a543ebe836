package dev.agentarena.behavior;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a targeted primitive steers relative to. A target that does not exist this think contributes no force. */
public enum Target {
    NEAREST_ENEMY("nearestEnemy", true, "the nearest living enemy within the visual zone"),
    WEAKEST_ENEMY("weakestEnemy", true, "the living enemy with the least health within the visual zone"),
    NEAREST_ALLY("nearestAlly", false, "the nearest living ally within the visual zone"),
    HOME("home", false, "the agent's spawn point");

    private final String id;
    private final boolean enemy;
    private final String description;

    Target(String id, boolean enemy, String description) {
        this.id = id;
        this.enemy = enemy;
        this.description = description;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Whether the target is a single enemy agent, the only kind the {@code attack} primitive accepts. */
    public boolean isEnemyAgent() {
        return enemy;
    }

    public String description() {
        return description;
    }

    @JsonCreator
    public static Target fromId(String id) {
        for (Target t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + id + "', expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", "));
    }
}
