package dev.agentarena.contracts.config;

import dev.agentarena.contracts.config.ConfigField.Applies;
import dev.agentarena.contracts.config.ConfigField.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every field of {@link ArenaConfig}, in the order of the record: the one place that says what a field means, its
 * unit, its valid range and when it applies. {@link ArenaConfig#validate()} checks the ranges given here, the
 * engine decides from {@link ConfigField#applies()} whether a new config can be applied live, and the engine
 * publishes this list to clients as {@code config_schema} (docs/config.md has the same table for people).
 */
public final class ConfigSchema {

    private static final String WORLD = "World";
    private static final String TEAMS = "Teams";
    private static final String AGENTS = "Agents";
    private static final String LIFE = "Life cycle";

    private static final List<ConfigField> FIELDS = List.of(
            number("worldWidth", WORLD, "world width; agents are kept inside its bounds", "units", 200, 100_000, Applies.RESET, ArenaConfig::worldWidth),
            number("worldHeight", WORLD, "world height", "units", 200, 100_000, Applies.RESET, ArenaConfig::worldHeight),
            new ConfigField("wallLayout", WORLD, Kind.CHOICE, "the walls: open (none), prototype (random walls and obstacles), "
                    + "fortress (a keep with four doors and four bunkers), maze (a lattice of segments)", "", null, null,
                    ArenaConfig.WALL_LAYOUTS.stream().sorted().toList(), Applies.RESET, ArenaConfig::wallLayout),
            integer("numRandomWalls", WORLD, "extra random wall segments of the prototype layout", "count", 0, 50, Applies.RESET, ArenaConfig::numRandomWalls),
            number("minWallGap", WORLD, "least gap between a random wall or obstacle and any other wall or the bounds", "units", 0, 500, Applies.RESET, ArenaConfig::minWallGap),
            integer("obstacleCount", WORLD, "square obstacles of the prototype layout", "count", 0, 100, Applies.RESET, ArenaConfig::obstacleCount),
            number("obstacleSize", WORLD, "side of those obstacles", "units", 5, 200, Applies.RESET, ArenaConfig::obstacleSize),
            new ConfigField("walls", WORLD, Kind.WALLS, "custom walls {x, y, width, height} (top-left corner), added to any layout; at most "
                    + ArenaConfig.MAX_WALLS + ", inside the world", "units", null, null, List.of(), Applies.RESET, ArenaConfig::walls),
            number("boundaryDamage", WORLD, "health lost per impact with the world's edge", "health", 0, 1000, Applies.LIVE, ArenaConfig::boundaryDamage),
            new ConfigField("seed", WORLD, Kind.INTEGER, "seed of everything random (walls, spawns, speeds, damage, wander)", "", null, null,
                    List.of(), Applies.RESET, ArenaConfig::seed),
            integer("teamCount", TEAMS, "number of teams", "count", 2, ArenaConfig.MAX_TEAMS, Applies.RESET, ArenaConfig::teamCount),
            integer("teamSize", TEAMS, "initial agents per team (before balance)", "count", 0, ArenaConfig.MAX_TEAM_SIZE, Applies.RESET, ArenaConfig::teamSize),
            number("teamBalance", TEAMS, "skews initial sizes: the first team gets teamSize·(1+b), the last teamSize·(1−b)", "", -1, 1, Applies.RESET, ArenaConfig::teamBalance),
            integer("maxGroupSize", TEAMS, "most allies counted by alignment and cohesion", "count", 1, 100, Applies.LIVE, ArenaConfig::maxGroupSize),
            number("flockingDistance", TEAMS, "radius of separation, alignment, cohesion and of allies.near", "units", 1, 1000, Applies.LIVE_WITHIN_GRID, ArenaConfig::flockingDistance),
            number("agentRadius", AGENTS, "body radius (collisions, walls, spawns)", "units", 2, 50, Applies.RESET, ArenaConfig::agentRadius),
            number("minSpeed", AGENTS, "each agent's max speed is drawn between minSpeed and maxSpeed at creation", "units/tick", 0.1, 50, Applies.LIVE_NEW_AGENTS, ArenaConfig::minSpeed),
            number("maxSpeed", AGENTS, "upper end of that range", "units/tick", 0.1, 50, Applies.LIVE_NEW_AGENTS, ArenaConfig::maxSpeed),
            number("maxForce", AGENTS, "steering force limit per tick", "units/tick²", 0.01, 10, Applies.LIVE, ArenaConfig::maxForce),
            number("turnSpeed", AGENTS, "most the direction of travel can rotate in one tick", "rad/tick", 0.01, Math.PI, Applies.LIVE, ArenaConfig::turnSpeed),
            number("baseHealth", AGENTS, "health at (re)spawn", "health", 1, 100_000, Applies.LIVE_NEXT_SPAWN, ArenaConfig::baseHealth),
            number("minDamage", AGENTS, "each agent's damage per hit is drawn between minDamage and maxDamage", "health", 0, 100_000, Applies.LIVE_NEW_AGENTS, ArenaConfig::minDamage),
            number("maxDamage", AGENTS, "upper end of that range", "health", 0, 100_000, Applies.LIVE_NEW_AGENTS, ArenaConfig::maxDamage),
            number("attackRange", AGENTS, "strike distance (centre to centre) and the combat awareness zone", "units", 1, 1000, Applies.LIVE_WITHIN_GRID, ArenaConfig::attackRange),
            number("attackCooldown", AGENTS, "time between two strikes of one agent", "s", 0.05, 60, Applies.LIVE, ArenaConfig::attackCooldown),
            number("visualRange", AGENTS, "awareness zone: enemies seen, contacts searched", "units", 1, 2000, Applies.LIVE_WITHIN_GRID, ArenaConfig::visualRange),
            number("recognitionRange", AGENTS, "awareness zone used for \"outnumbered\"", "units", 1, 2000, Applies.LIVE_WITHIN_GRID, ArenaConfig::recognitionRange),
            flag("enableWorldLogic", LIFE, "combat, boundary damage, deaths and rounds; off is a sandbox where agents only move", ArenaConfig::enableWorldLogic),
            flag("respawnEnabled", LIFE, "dead agents come back after respawnTime; without it a round also ends when one team is left", ArenaConfig::respawnEnabled),
            integer("respawnTime", LIFE, "delay before a dead agent respawns at a random free spot", "ms", 0, 600_000, Applies.LIVE, ArenaConfig::respawnTime),
            number("spawnProtectionTime", LIFE, "after a (re)spawn the agent takes no damage (until it strikes)", "s", 0, 60, Applies.LIVE, ArenaConfig::spawnProtectionTime),
            number("roundTime", LIFE, "round length; the team with most agents alive (then most kills) wins", "s", 10, 86_400, Applies.LIVE, ArenaConfig::roundTime),
            integer("behaviorUpdateInterval", LIFE, "think period: each agent decides once per interval, staggered across agents", "ms", 16, 10_000, Applies.LIVE, ArenaConfig::behaviorUpdateInterval));

    private static final Map<String, ConfigField> BY_NAME = FIELDS.stream()
            .collect(Collectors.toUnmodifiableMap(ConfigField::name, Function.identity()));

    private ConfigSchema() {
    }

    /** Every field, in the order of {@link ArenaConfig}'s components. */
    public static List<ConfigField> fields() {
        return FIELDS;
    }

    public static Optional<ConfigField> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static ConfigField field(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no config field " + name));
    }

    /** The fields whose change rebuilds the world, or (zone radii) whose value must stay within the grid cell. */
    public static List<ConfigField> withApplies(Applies applies) {
        List<ConfigField> matching = new ArrayList<>();
        for (ConfigField field : FIELDS) {
            if (field.applies() == applies) {
                matching.add(field);
            }
        }
        return matching;
    }

    private static ConfigField number(String name, String group, String meaning, String unit, double min, double max,
                                      Applies applies, Function<ArenaConfig, Object> read) {
        return new ConfigField(name, group, Kind.NUMBER, meaning, unit, min, max, List.of(), applies, read);
    }

    private static ConfigField integer(String name, String group, String meaning, String unit, double min, double max,
                                       Applies applies, Function<ArenaConfig, Object> read) {
        return new ConfigField(name, group, Kind.INTEGER, meaning, unit, min, max, List.of(), applies, read);
    }

    private static ConfigField flag(String name, String group, String meaning, Function<ArenaConfig, Object> read) {
        return new ConfigField(name, group, Kind.BOOLEAN, meaning, "", null, null, List.of(), Applies.LIVE, read);
    }
}
