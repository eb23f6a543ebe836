package dev.agentarena.simulation.policy;

import dev.agentarena.behavior.PerceptionValues;
import dev.agentarena.behavior.PerceptionVariable;
import dev.agentarena.simulation.Perception;

/**
 * The simulation's perception seen through the behavior language's variables. Re-pointed at each decision
 * (one per loop thread), so reading it allocates nothing. Infinite "absent" values become the language's
 * documented finite sentinels, so expressions never see an infinity.
 */
final class PerceptionView implements PerceptionValues {

    private Perception source;

    PerceptionView of(Perception perception) {
        source = perception;
        return this;
    }

    @Override
    public double number(PerceptionVariable variable) {
        Perception p = source;
        return switch (variable) {
            case SELF_HEALTH -> p.health();
            case SELF_MAX_HEALTH -> p.maxHealth();
            case SELF_HEALTH_RATIO -> p.healthRatio();
            case SELF_SPEED -> p.speed();
            case SELF_MAX_SPEED -> p.maxSpeed();
            case SELF_X -> p.x();
            case SELF_Y -> p.y();
            case SELF_VX -> p.vx();
            case SELF_VY -> p.vy();
            case SELF_ATTACK_RANGE, ZONES_COMBAT -> p.attackRange();
            case SELF_KILLS -> p.kills();
            case SELF_AGE -> p.age();
            case ENEMIES_VISUAL -> p.enemiesVisual();
            case ENEMIES_RECOGNITION -> p.enemiesRecognition();
            case ENEMIES_COMBAT -> p.enemiesCombat();
            case ALLIES_VISUAL -> p.alliesVisual();
            case ALLIES_RECOGNITION -> p.alliesRecognition();
            case ALLIES_COMBAT -> p.alliesCombat();
            case ALLIES_NEAR -> p.alliesNear();
            case NEAREST_ENEMY_DISTANCE -> distance(p.nearestEnemy());
            case NEAREST_ENEMY_HEALTH -> p.nearestEnemy().health();
            case NEAREST_ENEMY_HEALTH_RATIO -> p.nearestEnemy().healthRatio();
            case NEAREST_ENEMY_BEARING -> p.nearestEnemy().bearing();
            case WEAKEST_ENEMY_DISTANCE -> distance(p.weakestEnemy());
            case WEAKEST_ENEMY_HEALTH -> p.weakestEnemy().health();
            case WEAKEST_ENEMY_HEALTH_RATIO -> p.weakestEnemy().healthRatio();
            case WEAKEST_ENEMY_BEARING -> p.weakestEnemy().bearing();
            case NEAREST_ALLY_DISTANCE -> distance(p.nearestAlly());
            case NEAREST_ALLY_HEALTH -> p.nearestAlly().health();
            case NEAREST_ALLY_HEALTH_RATIO -> p.nearestAlly().healthRatio();
            case NEAREST_ALLY_BEARING -> p.nearestAlly().bearing();
            case NEAREST_WALL_DISTANCE -> p.nearestWallDistance();
            case TEAM_ALIVE -> p.teamAlive();
            case TEAM_KILLS -> p.teamKills();
            case ROUND_TIME_LEFT -> Double.isFinite(p.roundTimeLeft()) ? p.roundTimeLeft()
                    : PerceptionVariable.Constants.NO_ROUND_TIME_LEFT;
            case ZONES_VISUAL -> p.visualRange();
            case ZONES_RECOGNITION -> p.recognitionRange();
            case ZONES_FLOCKING -> p.flockingDistance();
            default -> throw new IllegalArgumentException(variable.celName() + " is not a number");
        };
    }

    @Override
    public boolean flag(PerceptionVariable variable) {
        Perception p = source;
        return switch (variable) {
            case SELF_COOLDOWN_READY -> p.cooldownReady();
            case SELF_SPAWN_PROTECTED -> p.spawnProtected();
            case NEAREST_ENEMY_EXISTS -> p.nearestEnemy().exists();
            case WEAKEST_ENEMY_EXISTS -> p.weakestEnemy().exists();
            case NEAREST_ALLY_EXISTS -> p.nearestAlly().exists();
            default -> throw new IllegalArgumentException(variable.celName() + " is not a flag");
        };
    }

    private static double distance(Perception.Contact contact) {
        return contact.exists() ? contact.distance() : PerceptionVariable.Constants.ABSENT_DISTANCE;
    }
}
