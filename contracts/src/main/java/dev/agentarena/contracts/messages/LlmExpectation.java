package dev.agentarena.contracts.messages;

/**
 * One situation of a description and what the behavior must do in it. Unset situation values (null) keep
 * a typical mid-fight value.
 *
 * @param healthRatio      own health / max health, 0..1
 * @param enemyDistance    distance to the nearest (and weakest) enemy; a negative value means no enemy in sight
 * @param enemyHealthRatio that enemy's health ratio
 * @param enemies          enemies within the recognition zone
 * @param allies           allies within the recognition zone
 * @param alliesNear       allies within the flocking distance
 * @param allyDistance     distance to the nearest ally; a negative value means no ally in sight
 * @param x                own position from the left
 * @param y                own position from the top
 * @param outcome          what the behavior must do there
 */
public record LlmExpectation(Double healthRatio, Double enemyDistance, Double enemyHealthRatio, Double enemies,
                             Double allies, Double alliesNear, Double allyDistance, Double x, Double y,
                             Outcome outcome) {

    /** The observable outcomes a check can measure. */
    public enum Outcome {
        MOVES_AWAY_FROM_ENEMY,
        MOVES_TOWARD_ENEMY,
        MOVES_TOWARD_WEAKEST_ENEMY,
        STRIKES_ENEMY,
        STAYS_WITH_ALLIES,
        MOVES_TOWARD_ALLY,
        HOLDS_POSITION,
        WANDERS,
        GOES_HOME
    }
}
