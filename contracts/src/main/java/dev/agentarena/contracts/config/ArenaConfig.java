package dev.agentarena.contracts.config;

import dev.agentarena.contracts.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The one configuration schema of a world, shared by the engine, persistence and the client. Every field
 * changes the game (docs/config.md lists meaning, unit, range, when it applies and the prototype name).
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

    /** Every problem of this config, one error per field; empty when valid. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        range(errors, "worldWidth", worldWidth, 200, 100_000);
        range(errors, "worldHeight", worldHeight, 200, 100_000);
        if (!WALL_LAYOUTS.contains(wallLayout)) {
            errors.add(new FieldError("/wallLayout", "UNKNOWN_VALUE", "wallLayout must be one of " + WALL_LAYOUTS));
        }
        range(errors, "numRandomWalls", numRandomWalls, 0, 50);
        range(errors, "minWallGap", minWallGap, 0, 500);
        range(errors, "obstacleCount", obstacleCount, 0, 100);
        range(errors, "obstacleSize", obstacleSize, 5, 200);
        validateWalls(errors);
        range(errors, "boundaryDamage", boundaryDamage, 0, 1000);
        range(errors, "teamCount", teamCount, 2, MAX_TEAMS);
        range(errors, "teamSize", teamSize, 0, MAX_TEAM_SIZE);
        range(errors, "teamBalance", teamBalance, -1, 1);
        range(errors, "maxGroupSize", maxGroupSize, 1, 100);
        range(errors, "flockingDistance", flockingDistance, 1, 1000);
        range(errors, "agentRadius", agentRadius, 2, 50);
        range(errors, "minSpeed", minSpeed, 0.1, 50);
        range(errors, "maxSpeed", maxSpeed, 0.1, 50);
        if (finite(minSpeed) && finite(maxSpeed) && minSpeed > maxSpeed) {
            errors.add(new FieldError("/minSpeed", "MIN_ABOVE_MAX", "minSpeed must not exceed maxSpeed"));
        }
        range(errors, "maxForce", maxForce, 0.01, 10);
        range(errors, "turnSpeed", turnSpeed, 0.01, Math.PI);
        range(errors, "baseHealth", baseHealth, 1, 100_000);
        range(errors, "minDamage", minDamage, 0, 100_000);
        range(errors, "maxDamage", maxDamage, 0, 100_000);
        if (finite(minDamage) && finite(maxDamage) && minDamage > maxDamage) {
            errors.add(new FieldError("/minDamage", "MIN_ABOVE_MAX", "minDamage must not exceed maxDamage"));
        }
        range(errors, "attackRange", attackRange, 1, 1000);
        range(errors, "attackCooldown", attackCooldown, 0.05, 60);
        range(errors, "visualRange", visualRange, 1, 2000);
        range(errors, "recognitionRange", recognitionRange, 1, 2000);
        range(errors, "respawnTime", respawnTime, 0, 600_000);
        range(errors, "spawnProtectionTime", spawnProtectionTime, 0, 60);
        range(errors, "roundTime", roundTime, 10, 86_400);
        range(errors, "behaviorUpdateInterval", behaviorUpdateInterval, 16, 10_000);
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

    private static void range(List<FieldError> errors, String field, Number value, double min, double max) {
        double v = value.doubleValue();
        if (!finite(v) || v < min || v > max) {
            errors.add(new FieldError("/" + field, "OUT_OF_RANGE",
                    field + " must be between " + format(min) + " and " + format(max) + " (got " + value + ")"));
        }
    }

    private static boolean finite(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
