package dev.agentarena.gateway.check;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmExpectation;
import dev.agentarena.contracts.messages.LlmExpectation.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The copilot's scenario checks, run in the real simulation on the built-in behaviors, whose conduct is known. */
class SimulatedScenarioRunsTest {

    private final SimulatedScenarioRuns runs = new SimulatedScenarioRuns();

    @Test
    void fleeingGainsDistanceAndAttackingDoesNot() {
        LlmExpectation weakNearAnEnemy = situation(0.2, 60.0, null, Outcome.MOVES_AWAY_FROM_ENEMY);
        LlmCheck flee = runs.run(weakNearAnEnemy, BuiltInBehaviors.json("flee"));
        assertThat(flee.ran()).isTrue();
        assertThat(flee.ok()).as(flee.measured()).isTrue();
        assertThat(flee.scenario()).startsWith("scenario run: health 20 %, an enemy at 60 units");
        LlmCheck attack = runs.run(weakNearAnEnemy, BuiltInBehaviors.json("attack"));
        assertThat(attack.ran()).isTrue();
        assertThat(attack.ok()).as(attack.measured()).isFalse();
    }

    @Test
    void attackingClosesInAndStrikesWhereFleeingNeverStrikes() {
        LlmCheck closes = runs.run(situation(null, 120.0, null, Outcome.MOVES_TOWARD_ENEMY), BuiltInBehaviors.json("attack"));
        assertThat(closes.ok()).as(closes.measured()).isTrue();
        LlmCheck strikes = runs.run(situation(null, 90.0, null, Outcome.STRIKES_ENEMY), BuiltInBehaviors.json("attack"));
        assertThat(strikes.ok()).as(strikes.measured()).isTrue();
        LlmCheck fleeStrikes = runs.run(situation(null, 90.0, null, Outcome.STRIKES_ENEMY), BuiltInBehaviors.json("flee"));
        assertThat(fleeStrikes.ran()).isTrue();
        assertThat(fleeStrikes.ok()).as(fleeStrikes.measured()).isFalse();
    }

    @Test
    void flockingStaysWithItsAllyWithNoEnemyInSight() {
        LlmCheck stays = runs.run(situation(null, -1.0, 40.0, Outcome.STAYS_WITH_ALLIES), BuiltInBehaviors.json("wander-together"));
        assertThat(stays.ran()).isTrue();
        assertThat(stays.ok()).as(stays.measured()).isTrue();
    }

    @Test
    void outcomesWithoutAScenarioMeasureAreReportedAsNotRun() {
        LlmCheck wanders = runs.run(situation(null, -1.0, null, Outcome.WANDERS), BuiltInBehaviors.json("wander"));
        assertThat(wanders.ran()).isFalse();
        assertThat(wanders.ok()).isFalse();
        assertThat(wanders.measured()).startsWith("not run:").contains("wanders");
        // Already in reach: there is no distance left to close.
        LlmCheck inContact = runs.run(situation(null, 22.0, null, Outcome.MOVES_TOWARD_ENEMY), BuiltInBehaviors.json("attack"));
        assertThat(inContact.ran()).isFalse();
    }

    @Test
    void theSameCheckGivesTheSameMeasure() {
        LlmExpectation e = situation(0.3, 80.0, null, Outcome.MOVES_AWAY_FROM_ENEMY);
        assertThat(runs.run(e, BuiltInBehaviors.json("default"))).isEqualTo(runs.run(e, BuiltInBehaviors.json("default")));
    }

    private static LlmExpectation situation(Double health, Double enemyDistance, Double allyDistance, Outcome outcome) {
        return new LlmExpectation(health, enemyDistance, null, null, null, null, allyDistance, null, null, outcome);
    }
}
