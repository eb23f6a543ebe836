package dev.agentarena.behavior;

import java.util.List;

import static dev.agentarena.behavior.PerceptionVariable.*;

/** The perceptions every behavior is dry-run over: the situations where careless arithmetic breaks. */
final class EdgeCases {

    static final List<FixedPerception> PERCEPTIONS = List.of(
            FixedPerception.typical(),
            FixedPerception.typical().labelled("alone (no enemy, no ally)")
                    .withoutTarget(NEAREST_ENEMY_EXISTS).withoutTarget(WEAKEST_ENEMY_EXISTS).withoutTarget(NEAREST_ALLY_EXISTS)
                    .with(ENEMIES_VISUAL, 0).with(ENEMIES_RECOGNITION, 0).with(ENEMIES_COMBAT, 0)
                    .with(ALLIES_VISUAL, 0).with(ALLIES_RECOGNITION, 0).with(ALLIES_COMBAT, 0).with(ALLIES_NEAR, 0)
                    .with(TEAM_ALIVE, 1),
            FixedPerception.typical().labelled("health 0")
                    .with(SELF_HEALTH, 0).with(SELF_HEALTH_RATIO, 0),
            FixedPerception.typical().labelled("just spawned")
                    .with(SELF_AGE, 0).with(SELF_SPEED, 0).with(SELF_VX, 0).with(SELF_VY, 0).with(SELF_KILLS, 0)
                    .with(SELF_SPAWN_PROTECTED, true).with(SELF_COOLDOWN_READY, false).with(TEAM_KILLS, 0)
                    .with(ROUND_TIME_LEFT, 300),
            FixedPerception.typical().labelled("crowded (everyone on top of the agent)")
                    .with(ENEMIES_VISUAL, 60).with(ENEMIES_RECOGNITION, 60).with(ENEMIES_COMBAT, 60)
                    .with(ALLIES_VISUAL, 60).with(ALLIES_RECOGNITION, 60).with(ALLIES_COMBAT, 60).with(ALLIES_NEAR, 60)
                    .with(NEAREST_ENEMY_DISTANCE, 0).with(WEAKEST_ENEMY_DISTANCE, 0).with(NEAREST_ALLY_DISTANCE, 0)
                    .with(NEAREST_ENEMY_HEALTH, 0).with(NEAREST_ENEMY_HEALTH_RATIO, 0)
                    .with(WEAKEST_ENEMY_HEALTH, 0).with(WEAKEST_ENEMY_HEALTH_RATIO, 0),
            FixedPerception.typical().labelled("cornered (in a corner, against a wall, outnumbered, hurt)")
                    .with(SELF_X, 10).with(SELF_Y, 10).with(SELF_VX, 0).with(SELF_VY, 0).with(SELF_SPEED, 0)
                    .with(NEAREST_WALL_DISTANCE, 0)
                    .with(ENEMIES_VISUAL, 5).with(ENEMIES_RECOGNITION, 5).with(ENEMIES_COMBAT, 3)
                    .withoutTarget(NEAREST_ALLY_EXISTS).with(ALLIES_VISUAL, 0).with(ALLIES_RECOGNITION, 0).with(ALLIES_COMBAT, 0).with(ALLIES_NEAR, 0)
                    .with(SELF_HEALTH, 10).with(SELF_HEALTH_RATIO, 0.1).with(NEAREST_ENEMY_DISTANCE, 12)
                    .with(NEAREST_ENEMY_BEARING, -Math.PI),
            FixedPerception.typical().labelled("outnumbered")
                    .with(ENEMIES_VISUAL, 6).with(ENEMIES_RECOGNITION, 4).with(ENEMIES_COMBAT, 1)
                    .with(ALLIES_VISUAL, 1).with(ALLIES_RECOGNITION, 0).with(ALLIES_COMBAT, 0).with(ALLIES_NEAR, 0)
                    .with(SELF_HEALTH, 50).with(SELF_HEALTH_RATIO, 0.5),
            FixedPerception.typical().labelled("round over")
                    .with(ROUND_TIME_LEFT, 0),
            FixedPerception.typical().labelled("rounds off")
                    .with(ROUND_TIME_LEFT, PerceptionVariable.Constants.NO_ROUND_TIME_LEFT),
            FixedPerception.typical().labelled("huge values")
                    .with(SELF_X, 10_000).with(SELF_Y, 10_000)
                    .with(SELF_KILLS, 10_000).with(SELF_AGE, 1.0e6).with(TEAM_ALIVE, 10_000).with(TEAM_KILLS, 10_000)
                    .with(SELF_MAX_SPEED, 50).with(SELF_SPEED, 50).with(SELF_VX, -50)
                    .with(SELF_VY, 0).with(SELF_MAX_HEALTH, 10_000).with(SELF_HEALTH, 10_000).with(SELF_HEALTH_RATIO, 1)
                    .with(ROUND_TIME_LEFT, 1.0e5).with(ZONES_VISUAL, 1000).with(ZONES_FLOCKING, 1000)
                    .with(ZONES_RECOGNITION, 1000).with(ZONES_COMBAT, 1000).with(SELF_ATTACK_RANGE, 1000),
            FixedPerception.typical().labelled("tiny zones")
                    .with(SELF_X, 50).with(SELF_Y, 50).with(ZONES_FLOCKING, 1)
                    .with(ZONES_VISUAL, 1).with(ZONES_RECOGNITION, 1).with(ZONES_COMBAT, 1).with(SELF_ATTACK_RANGE, 1)
                    .with(SELF_MAX_SPEED, 0.1).with(SELF_SPEED, 0.1).with(SELF_MAX_HEALTH, 1).with(SELF_HEALTH, 1).with(SELF_HEALTH_RATIO, 1));

    private EdgeCases() {
    }
}
