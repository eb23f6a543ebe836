package dev.agentarena.gateway.offline;

/**
 * One thing a request asks for, with the numbers it gave (null: the vetted default).
 *
 * @param health   a health ratio threshold, 0..1
 * @param distance a distance in world units (kite distance, guard radius, engagement range)
 * @param margin   how many more agents "outnumbering" needs
 */
record Intent(Kind kind, Double health, Double distance, Double margin) {

    enum Kind {
        /** never flee: removes every flee intent */
        NEVER_FLEE,
        FLEE_WHEN_WEAK,
        FLEE_WHEN_OUTNUMBERED,
        FLEE_ALWAYS,
        RETREAT_TO_ALLIES,
        CHARGE_WHEN_OUTNUMBERING,
        KITE,
        GUARD_HOME,
        GUARD_MIDDLE,
        PATROL,
        FOCUS_WEAKEST,
        ATTACK_NEAREST,
        STAY_GROUPED,
        WANDER,
        HOLD
    }

    static Intent of(Kind kind) {
        return new Intent(kind, null, null, null);
    }
}
