package dev.agentarena.simulation.scenario;

import dev.agentarena.simulation.policy.ScenarioPolicies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in behavior still shows its documented property in its library scenario. */
class ScenarioLibraryTest {

    private final ScenarioRunner runner = new ScenarioRunner(ScenarioPolicies.builtIns());

    @Test
    void fleeIncreasesTheDistanceFromANearbyEnemyWhenHealthIsLow() {
        ScenarioResult result = passes("flee");
        assertThat(result.expectations().get(0).measured()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void attackClosesToAboutFourFifthsOfTheAttackRangeAndLandsHits() {
        ScenarioResult result = passes("attack");
        assertThat(result.trace().events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("hit");
            assertThat(e.agent()).isEqualTo("attacker");
        });
        assertThat(result.expectations().get(2).measured()).isBetween(20.0, 30.0);
    }

    /**
     * Found by this very scenario: with the prototype's weights (separation 0.8 over the whole flocking distance
     * against cohesion 0.4) a group spread until its members were out of each other's reach and never regrouped.
     */
    @Test
    void wanderTogetherKeepsTheGroupWithinItsFlockingDistance() {
        ScenarioResult result = passes("wander-together");
        assertThat(result.expectations()).hasSize(3).allSatisfy(v -> assertThat(v.measured()).isLessThanOrEqualTo(50));
    }

    @Test
    void wanderStaysInsideTheBounds() {
        ScenarioResult result = passes("wander");
        assertThat(result.expectations().get(0).measured()).isZero();
    }

    @Test
    void defaultSwitchesFromAttackToFleeWhenItsHealthDropsBelowThirtyPercent() {
        ScenarioResult result = passes("default");
        assertThat(result.expectations().get(2).measured()).isGreaterThan(result.expectations().get(0).measured());
    }

    @Test
    void everyLibraryScenarioIsShownByABehaviorAndRunsTheSameTwice() {
        assertThat(ScenarioLibrary.FOR_BEHAVIOR.values()).containsExactlyInAnyOrderElementsOf(ScenarioLibrary.IDS);
        for (String id : ScenarioLibrary.IDS) {
            ScenarioResult first = runner.run(ScenarioLibrary.json(id));
            ScenarioResult second = runner.run(ScenarioLibrary.json(id));
            assertThat(second.expectations()).as(id).isEqualTo(first.expectations());
            assertThat(second.trace()).as(id).isEqualTo(first.trace());
            assertThat(second.ticks()).isEqualTo(first.ticks());
        }
    }

    private ScenarioResult passes(String behavior) {
        ScenarioResult result = runner.run(ScenarioLibrary.json(ScenarioLibrary.FOR_BEHAVIOR.get(behavior)));
        assertThat(result.stopped()).isNull();
        assertThat(result.expectations()).as(behavior).isNotEmpty().allSatisfy(v ->
                assertThat(v.ok()).as(v.message()).isTrue());
        assertThat(result.passed()).isTrue();
        return result;
    }
}
