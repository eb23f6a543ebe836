package dev.agentarena.contracts.config;

import dev.agentarena.contracts.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The one configuration schema of a world, shared by the engine, persistence and the client. Every field
 * changes the game: {@link ConfigSchema} holds each field's meaning, unit, range and when it applies (docs/config.md
 * also lists the prototype names).
 * A field missing from JSON takes its default, so clients may send partial configs; invalid values are
 * reported by {@link #validate()}, never clamped in silence.
 */
public record ArenaConfig(
        // World
        Double worldWidth,
        Double worldHeight,
        String wallLayout,
        Integer numRandomWalls,
        Double minWallGap,
        Integer obstacleCount,
        Double obstacleSize,
        List<WallSpec> walls,
        Double boundaryDamage,
        Long seed,
        // Teams
        Integer teamCount,
        Integer teamSize,
        Double teamBalance,
        Integer maxGroupSize,
        Double flockingDistance,
        // Agents
        Double agentRadius,
        Double minSpeed,
        Double maxSpeed,
        Double maxForce,
        Double turnSpeed,
        Double baseHealth,
        Double minDamage,
        Double maxDamage,
        Double attackRange,
        Double attackCooldown,
        Double visualRange,
        Double recognitionRange,
        // Life cycle
        Boolean enableWorldLogic,
        Boolean respawnEnabled,
        Integer respawnTime,
        Double spawnProtectionTime,
        Double roundTime,
        Integer behaviorUpdateInterval) {

    public static final Set<String> WALL_LAYOUTS = Set.of("open", "prototype", "fortress", "maze");
    public static final int MAX_WALLS = 200;
    public static final int MAX_TEAMS = 8;
    public static final int MAX_TEAM_SIZE = 25_000;

    private static final ArenaConfig DEFAULTS = new ArenaConfig(
            800.0, 600.0, "prototype", 5, 50.0, 10, 20.0, List.of(), 5.0, 42L,
            2, 5, 0.0, 5, 50.0,
            10.0, 2.0, 4.0, 0.5, 0.1, 100.0, 10.0, 20.0, 30.0, 1.0, 150.0, 100.0,
            true, true, 3000, 3.0, 300.0, 100);

    /** Fills every missing field with its default. */
    public ArenaConfig {
        ArenaConfig d = DEFAULTS;
        if (d != null) {
            worldWidth = or(worldWidth, d.worldWidth);
            worldHeight = or(worldHeight, d.worldHeight);
            wallLayout = or(wallLayout, d.wallLayout);
            numRandomWalls = or(numRandomWalls, d.numRandomWalls);
            minWallGap = or(minWallGap, d.minWallGap);
            obstacleCount = or(obstacleCount, d.obstacleCount);
            obstacleSize = or(obstacleSize, d.obstacleSize);
            walls = Collections.unmodifiableList(new ArrayList<>(or(walls, d.walls)));
            boundaryDamage = or(boundaryDamage, d.boundaryDamage);
            seed = or(seed, d.seed);
            teamCount = or(teamCount, d.teamCount);
            teamSize = or(teamSize, d.teamSize);
            teamBalance = or(teamBalance, d.teamBalance);
            maxGroupSize = or(maxGroupSize, d.maxGroupSize);
            flockingDistance = or(flockingDistance, d.flockingDistance);
            agentRadius = or(agentRadius, d.agentRadius);
            minSpeed = or(minSpeed, d.minSpeed);
            maxSpeed = or(maxSpeed, d.maxSpeed);
            maxForce = or(maxForce, d.maxForce);
            turnSpeed = or(turnSpeed, d.turnSpeed);
            baseHealth = or(baseHealth, d.baseHealth);
            minDamage = or(minDamage, d.minDamage);
            maxDamage = or(maxDamage, d.maxDamage);
            attackRange = or(attackRange, d.attackRange);
            attackCooldown = or(attackCooldown, d.attackCooldown);
            visualRange = or(visualRange, d.visualRange);
            recognitionRange = or(recognitionRange, d.recognitionRange);
            enableWorldLogic = or(enableWorldLogic, d.enableWorldLogic);
            respawnEnabled = or(respawnEnabled, d.respawnEnabled);
            respawnTime = or(respawnTime, d.respawnTime);
            spawnProtectionTime = or(spawnProtectionTime, d.spawnProtectionTime);
            roundTime = or(roundTime, d.roundTime);
            behaviorUpdateInterval = or(behaviorUpdateInterval, d.behaviorUpdateInterval);
        }
    }

    public static ArenaConfig defaults() {
        return DEFAULTS;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Every problem of this config, one error per field; empty when valid. The ranges are those of
     * {@link ConfigSchema}; the rules between fields (min not above max, walls inside the world) are here.
     */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        for (ConfigField field : ConfigSchema.fields()) {
            if (field.min() != null && field.read().apply(this) instanceof Number value) {
                range(errors, field, value);
            }
        }
        if (!WALL_LAYOUTS.contains(wallLayout)) {
            errors.add(new FieldError("/wallLayout", "UNKNOWN_VALUE", "wallLayout must be one of " + WALL_LAYOUTS));
        }
        validateWalls(errors);
        if (finite(minSpeed) && finite(maxSpeed) && minSpeed > maxSpeed) {
            errors.add(new FieldError("/minSpeed", "MIN_ABOVE_MAX", "minSpeed must not exceed maxSpeed"));
        }
        if (finite(minDamage) && finite(maxDamage) && minDamage > maxDamage) {
            errors.add(new FieldError("/minDamage", "MIN_ABOVE_MAX", "minDamage must not exceed maxDamage"));
        }
        return errors;
    }

    private void validateWalls(List<FieldError> errors) {
        if (walls.size() > MAX_WALLS) {
            errors.add(new FieldError("/walls", "TOO_MANY", "at most " + MAX_WALLS + " custom walls"));
            return;
        }
        for (int i = 0; i < walls.size(); i++) {
            WallSpec wall = walls.get(i);
            String path = "/walls/" + i;
            if (wall == null) {
                errors.add(new FieldError(path, "REQUIRED", "a wall must be an object"));
            } else if (!(finite(wall.x()) && finite(wall.y()) && finite(wall.width()) && finite(wall.height()))
                    || wall.width() <= 0 || wall.height() <= 0) {
                errors.add(new FieldError(path, "BAD_WALL", "a wall needs finite x, y and positive width and height"));
            } else if (finite(worldWidth) && finite(worldHeight) && (wall.x() < 0 || wall.y() < 0
                    || wall.x() + wall.width() > worldWidth || wall.y() + wall.height() > worldHeight)) {
                errors.add(new FieldError(path, "OUT_OF_BOUNDS", "the wall must lie inside the world"));
            }
        }
    }

    private static void range(List<FieldError> errors, ConfigField field, Number value) {
        double v = value.doubleValue();
        if (!finite(v) || v < field.min() || v > field.max()) {
            errors.add(new FieldError("/" + field.name(), "OUT_OF_RANGE", field.name() + " must be between "
                    + format(field.min()) + " and " + format(field.max()) + " (got " + value + ")"));
        }
    }

    private static boolean finite(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
