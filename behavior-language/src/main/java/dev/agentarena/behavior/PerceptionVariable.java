package dev.agentarena.behavior;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a behavior's expressions can read about the world, as the agent perceives it at a think.
 * Numbers are CEL {@code double}s; flags are {@code bool}s. Distances are in world units, angles in radians,
 * times in seconds. Each variable's {@code name} is the identifier used in expressions.
 */
public enum PerceptionVariable {
    SELF_HEALTH("self.health", Kind.NUMBER, "current health, 0..self.maxHealth"),
    SELF_MAX_HEALTH("self.maxHealth", Kind.NUMBER, "health at spawn (config baseHealth)"),
    SELF_HEALTH_RATIO("self.healthRatio", Kind.NUMBER, "self.health / self.maxHealth, 0..1"),
    SELF_SPEED("self.speed", Kind.NUMBER, "current speed, units per tick"),
    SELF_MAX_SPEED("self.maxSpeed", Kind.NUMBER, "this agent's max speed, units per tick"),
    SELF_X("self.x", Kind.NUMBER, "position, world units from the left"),
    SELF_Y("self.y", Kind.NUMBER, "position, world units from the top"),
    SELF_VX("self.vx", Kind.NUMBER, "velocity x, units per tick"),
    SELF_VY("self.vy", Kind.NUMBER, "velocity y, units per tick"),
    SELF_ATTACK_RANGE("self.attackRange", Kind.NUMBER, "distance within which an attack lands"),
    SELF_COOLDOWN_READY("self.cooldownReady", Kind.FLAG, "true when the attack cooldown has elapsed"),
    SELF_SPAWN_PROTECTED("self.spawnProtected", Kind.FLAG, "true while spawn protection lasts (cannot be damaged)"),
    SELF_KILLS("self.kills", Kind.NUMBER, "kills credited to this agent"),
    SELF_AGE("self.age", Kind.NUMBER, "seconds since this agent (re)spawned"),

    ENEMIES_VISUAL("enemies.visual", Kind.NUMBER, "living enemies within the visual zone (zones.visual)"),
    ENEMIES_RECOGNITION("enemies.recognition", Kind.NUMBER, "living enemies within the recognition zone"),
    ENEMIES_COMBAT("enemies.combat", Kind.NUMBER, "living enemies within the combat zone"),
    ALLIES_VISUAL("allies.visual", Kind.NUMBER, "living allies (not counting self) within the visual zone"),
    ALLIES_RECOGNITION("allies.recognition", Kind.NUMBER, "living allies within the recognition zone"),
    ALLIES_COMBAT("allies.combat", Kind.NUMBER, "living allies within the combat zone"),
    ALLIES_NEAR("allies.near", Kind.NUMBER, "living allies within the flocking distance (zones.flocking): the agent's group"),

    NEAREST_ENEMY_EXISTS("nearestEnemy.exists", Kind.FLAG, "true when an enemy is within the visual zone"),
    NEAREST_ENEMY_DISTANCE("nearestEnemy.distance", Kind.NUMBER, "centre-to-centre distance; " + Constants.ABSENT_TEXT),
    NEAREST_ENEMY_HEALTH("nearestEnemy.health", Kind.NUMBER, "its health; 0 when absent"),
    NEAREST_ENEMY_HEALTH_RATIO("nearestEnemy.healthRatio", Kind.NUMBER, "its health / its max health; 0 when absent"),
    NEAREST_ENEMY_BEARING("nearestEnemy.bearing", Kind.NUMBER, "angle from own heading to it, -pi..pi (positive = clockwise on screen); 0 when absent"),
    WEAKEST_ENEMY_EXISTS("weakestEnemy.exists", Kind.FLAG, "true when an enemy is within the visual zone"),
    WEAKEST_ENEMY_DISTANCE("weakestEnemy.distance", Kind.NUMBER, "distance to the visible enemy with least health; " + Constants.ABSENT_TEXT),
    WEAKEST_ENEMY_HEALTH("weakestEnemy.health", Kind.NUMBER, "its health; 0 when absent"),
    WEAKEST_ENEMY_HEALTH_RATIO("weakestEnemy.healthRatio", Kind.NUMBER, "its health / its max health; 0 when absent"),
    WEAKEST_ENEMY_BEARING("weakestEnemy.bearing", Kind.NUMBER, "angle from own heading to it, -pi..pi; 0 when absent"),
    NEAREST_ALLY_EXISTS("nearestAlly.exists", Kind.FLAG, "true when an ally is within the visual zone"),
    NEAREST_ALLY_DISTANCE("nearestAlly.distance", Kind.NUMBER, "distance to the nearest visible ally; " + Constants.ABSENT_TEXT),
    NEAREST_ALLY_HEALTH("nearestAlly.health", Kind.NUMBER, "its health; 0 when absent"),
    NEAREST_ALLY_HEALTH_RATIO("nearestAlly.healthRatio", Kind.NUMBER, "its health / its max health; 0 when absent"),
    NEAREST_ALLY_BEARING("nearestAlly.bearing", Kind.NUMBER, "angle from own heading to it, -pi..pi; 0 when absent"),

    NEAREST_WALL_DISTANCE("nearestWall.distance", Kind.NUMBER, "distance from the agent's edge to the nearest wall or world bound, 0..zones.visual (capped)"),

    TEAM_ALIVE("team.alive", Kind.NUMBER, "living agents of the own team, self included"),
    TEAM_KILLS("team.kills", Kind.NUMBER, "kills of the own team this round"),

    ROUND_TIME_LEFT("round.timeLeft", Kind.NUMBER, "seconds left in the current round, >= 0; 1000000 when rounds are off"),

    ZONES_VISUAL("zones.visual", Kind.NUMBER, "radius of the visual zone (config visualRange)"),
    ZONES_RECOGNITION("zones.recognition", Kind.NUMBER, "radius of the recognition zone (config recognitionRange)"),
    ZONES_COMBAT("zones.combat", Kind.NUMBER, "radius of the combat zone (config attackRange)"),
    ZONES_FLOCKING("zones.flocking", Kind.NUMBER, "radius of the flocking group (config flockingDistance)");

    /** CEL type of a variable. */
    public enum Kind { NUMBER, FLAG }

    /** Constants of the environment, shared by the docs and the engine. */
    public static final class Constants {
        /** Distance reported for a target that does not exist: far beyond any world, still finite. */
        public static final double ABSENT_DISTANCE = 1.0e6;
        /** Round time left reported when rounds are off. */
        public static final double NO_ROUND_TIME_LEFT = 1.0e6;
        static final String ABSENT_TEXT = "1000000 when absent";

        private Constants() {
        }
    }

    private static final List<PerceptionVariable> ALL = List.of(values());
    private static final Map<String, PerceptionVariable> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(PerceptionVariable::celName, Function.identity()));

    private final String celName;
    private final Kind kind;
    private final String description;

    PerceptionVariable(String celName, Kind kind, String description) {
        this.celName = celName;
        this.kind = kind;
        this.description = description;
    }

    public String celName() {
        return celName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static List<PerceptionVariable> all() {
        return ALL;
    }

    /** The variable an expression names, e.g. {@code self.health}. */
    static Optional<PerceptionVariable> named(String celName) {
        return Optional.ofNullable(BY_NAME.get(celName));
    }

    /** The names under a prefix, e.g. {@code self}, for hints in diagnostics. */
    static String namesUnder(String prefix) {
        return Arrays.stream(values()).map(PerceptionVariable::celName)
                .filter(name -> name.startsWith(prefix + ".")).collect(Collectors.joining(", "));
    }
}
