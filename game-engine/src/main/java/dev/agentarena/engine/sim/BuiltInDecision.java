package dev.agentarena.engine.sim;

/**
 * The prototype's decision, by priority: FLEE when badly hurt or outnumbered and hurt; ATTACK a visible enemy
 * unless outnumbered with no ally near; WANDER_TOGETHER with allies near; WANDER otherwise. Its numbers are
 * the prototype's: flee under 30 % health, or under 70 % when enemies exceed allies + 1 within recognition
 * range; pursuit at 1.2 x max force.
 */
public final class BuiltInDecision implements DecisionPolicy {

    public static final String ID = "builtin";
    public static final BuiltInDecision INSTANCE = new BuiltInDecision();

    static final double FLEE_HEALTH = 0.3;
    static final double OUTNUMBERED_FLEE_HEALTH = 0.7;
    static final double PURSUIT_FORCE = 1.2;

    private BuiltInDecision() {
    }

    @Override
    public void decide(Perception p, SteeringPlan plan) {
        boolean outnumbered = p.enemiesRecognition() > p.alliesRecognition() + 1;
        double health = p.healthRatio();
        if (p.nearestEnemy().exists() && (health < FLEE_HEALTH || outnumbered && health < OUTNUMBERED_FLEE_HEALTH)) {
            plan.label("FLEE").target(TargetKind.NEAREST_ENEMY)
                    .weight(Primitive.EVADE, 1).weight(Primitive.SEPARATION, 0.5).weight(Primitive.AVOID_WALLS, 1);
        } else if (p.nearestEnemy().exists() && !(outnumbered && p.alliesNear() == 0)) {
            plan.label("ATTACK").target(TargetKind.NEAREST_ENEMY).forceScale(PURSUIT_FORCE)
                    .weight(Primitive.PURSUE, 1).weight(Primitive.ATTACK, 1)
                    .weight(Primitive.SEPARATION, 0.5).weight(Primitive.AVOID_WALLS, 1);
        } else if (p.alliesNear() > 0) {
            plan.label("WANDER_TOGETHER")
                    .weight(Primitive.WANDER, 0.5).weight(Primitive.COHESION, 0.4).weight(Primitive.ALIGNMENT, 0.5)
                    .weight(Primitive.SEPARATION, 0.8).weight(Primitive.AVOID_WALLS, 1).weight(Primitive.ATTACK, 1)
                    .target(TargetKind.NEAREST_ENEMY);
        } else {
            plan.label("WANDER").weight(Primitive.WANDER, 1).weight(Primitive.SEPARATION, 0.5)
                    .weight(Primitive.AVOID_WALLS, 1).weight(Primitive.ATTACK, 1).target(TargetKind.NEAREST_ENEMY);
        }
    }
}
