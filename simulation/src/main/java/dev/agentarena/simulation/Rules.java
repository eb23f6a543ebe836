package dev.agentarena.simulation;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;

/**
 * A config turned into the numbers the tick uses (seconds and milliseconds become ticks, angles become
 * cosines), computed once per config instead of once per agent.
 */
final class Rules {

    final ArenaConfig config;
    /**
     * The config as a saved state holds it, serialized once per config: a checkpoint neither serializes it
     * again nor hands its writer a new string each time (the writer keeps the bytes of every string instance
     * it has written, so a new instance per checkpoint would grow it without end).
     */
    final String configJson;
    final int ticksPerSecond;
    final double width;
    final double height;
    final double radius;
    final double minSpeed;
    final double maxSpeed;
    final double maxForce;
    final double cosTurn;
    final double sinTurn;
    final double baseHealth;
    final double minDamage;
    final double maxDamage;
    final double attackRange;
    final double visualRange;
    final double recognitionRange;
    final double flockingDistance;
    final int maxGroupSize;
    final double boundaryDamage;
    final boolean worldLogic;
    final boolean respawn;
    final long respawnTicks;
    final long protectionTicks;
    final long cooldownTicks;
    final long roundTicks;
    final int thinkTicks;
    /** Largest radius any query uses: the spatial grid's cell size. */
    final double queryRadius;

    Rules(ArenaConfig config, int ticksPerSecond) {
        this.config = config;
        this.configJson = Json.write(config);
        this.ticksPerSecond = ticksPerSecond;
        width = config.worldWidth();
        height = config.worldHeight();
        radius = config.agentRadius();
        minSpeed = config.minSpeed();
        maxSpeed = config.maxSpeed();
        maxForce = config.maxForce();
        cosTurn = Math.cos(config.turnSpeed());
        sinTurn = Math.sin(config.turnSpeed());
        baseHealth = config.baseHealth();
        minDamage = config.minDamage();
        maxDamage = config.maxDamage();
        attackRange = config.attackRange();
        visualRange = config.visualRange();
        recognitionRange = config.recognitionRange();
        flockingDistance = config.flockingDistance();
        maxGroupSize = config.maxGroupSize();
        boundaryDamage = config.boundaryDamage();
        worldLogic = config.enableWorldLogic();
        respawn = config.respawnEnabled();
        respawnTicks = Math.round(config.respawnTime() / 1000.0 * ticksPerSecond);
        protectionTicks = Math.round(config.spawnProtectionTime() * ticksPerSecond);
        cooldownTicks = Math.max(1, Math.round(config.attackCooldown() * ticksPerSecond));
        roundTicks = Math.max(1, Math.round(config.roundTime() * ticksPerSecond));
        thinkTicks = (int) Math.max(1, Math.round(config.behaviorUpdateInterval() / 1000.0 * ticksPerSecond));
        queryRadius = Math.max(Math.max(visualRange, recognitionRange),
                Math.max(Math.max(attackRange, flockingDistance), 2 * radius));
    }

    double seconds(long ticks) {
        return (double) ticks / ticksPerSecond;
    }
}
