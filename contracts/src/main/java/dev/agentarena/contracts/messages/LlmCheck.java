package dev.agentarena.contracts.messages;

/**
 * One check of a generated behavior, as the player sees it.
 *
 * @param scenario    the situation, in words ("health 35 %, an enemy at 60 units")
 * @param expectation what the behavior must do there ("moves away from the nearest enemy")
 * @param ran         false when the check could not be run (then {@code ok} is false and {@code measured} says why)
 * @param ok          true when it ran and the expectation held
 * @param measured    what was observed ("rule flee: evade(nearestEnemy) 1.0")
 */
public record LlmCheck(String scenario, String expectation, boolean ran, boolean ok, String measured) {

    public static LlmCheck notRun(String scenario, String expectation, String reason) {
        return new LlmCheck(scenario, expectation, false, false, reason);
    }
}
