package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
import dev.agentarena.behavior.BehaviorEvaluationException;
import dev.agentarena.contracts.behavior.DiagnosticCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A behavior that fails for some agents: fallback to the team's behavior, rate-limited reports, no stop. */
class BehaviorFailureTest {

    private static final DecisionPolicy TEAM = (perception, plan) -> plan.label("TEAM").weight(Primitive.WANDER, 1);

    /** Divides by the agent's kills; the evaluator refuses the infinity for the agent with none (id 1 here). */
    private static final DecisionPolicy DIVIDES_BY_KILLS = (perception, plan) -> {
        double weight = 1.0 / (perception.id() == 1 ? 0 : perception.id());
        if (!Double.isFinite(weight)) {
            throw new BehaviorEvaluationException(DiagnosticCode.NOT_FINITE, "/rules/0/steer/0/weight",
                    "weight is Infinity");
        }
        plan.label("OWN").weight(Primitive.WANDER, weight);
    };

    private static Simulation world(int teamSize) {
        return TestConfigs.simulation(TestConfigs.with(Map.of("teamSize", teamSize)));
    }

    @Test
    void theFailingAgentFallsBackToItsTeamsBehaviorAndIsReportedWhileTheWorldGoesOn() {
        Simulation sim = world(4);
        sim.setTeamPolicy(0, "team", TEAM);
        sim.populate();
        for (long id = 1; id <= 4; id++) {
            assertThat(sim.setAgentPolicy(id, "picky", DIVIDES_BY_KILLS)).isTrue();
        }
        long before = sim.stateHash();
        for (int i = 0; i < 12; i++) {
            sim.step();
        }
        assertThat(sim.tick()).isEqualTo(12);
        assertThat(sim.stateHash()).isNotEqualTo(before);
        assertThat(sim.state(sim.slotOf(1))).isEqualTo("TEAM");
        assertThat(sim.behavior(sim.slotOf(1))).isEqualTo("picky");
        for (long id = 2; id <= 4; id++) {
            assertThat(sim.state(sim.slotOf(id))).isEqualTo("OWN");
        }
        assertThat(sim.policyFailures()).isEqualTo(2);
        BehaviorErrorLog log = sim.behaviorErrors();
        assertThat(log.next()).isEqualTo(2);
        BehaviorErrorLog.Entry first = log.get(0);
        assertThat(first.agentId()).isEqualTo(1);
        assertThat(first.behaviorId()).isEqualTo("picky");
        assertThat(first.code()).isEqualTo("NOT_FINITE");
        assertThat(first.path()).isEqualTo("/rules/0/steer/0/weight");
        assertThat(first.message()).isEqualTo("weight is Infinity");
    }

    @Test
    void aFailingTeamBehaviorFallsBackToTheDefaultAndAnyRuntimeExceptionIsReported() {
        Simulation sim = world(3);
        sim.setTeamPolicy(0, "broken", (perception, plan) -> {
            throw new IllegalStateException("boom");
        });
        sim.populate();
        for (int i = 0; i < 6; i++) {
            sim.step();
        }
        assertThat(sim.state(sim.slotOf(1))).isIn("FLEE", "ATTACK", "WANDER_TOGETHER", "WANDER");
        assertThat(sim.behaviorErrors().get(0).code()).isEqualTo("EVALUATION_FAILED");
        assertThat(sim.behaviorErrors().get(0).path()).isEmpty();
        assertThat(sim.behaviorErrors().get(0).message()).isEqualTo("boom");
    }

    @Test
    void whenTheDefaultFailsTooTheAgentCoastsAndTheWorldGoesOn() {
        DecisionPolicy failing = (perception, plan) -> {
            throw new IllegalStateException("no decision");
        };
        Simulation sim = new Simulation(TestConfigs.with(Map.of("teamSize", 2)), 60, "default", failing);
        sim.setTeamPolicy(1, "team", TEAM);
        sim.populate();
        sim.setAgentPolicy(3, "picky", failing);
        for (int i = 0; i < 6; i++) {
            sim.step();
        }
        assertThat(sim.tick()).isEqualTo(6);
        assertThat(sim.state(sim.slotOf(1))).isEqualTo("IDLE");
        assertThat(sim.behavior(sim.slotOf(1))).isEqualTo("default");
        assertThat(sim.state(sim.slotOf(3))).isEqualTo("TEAM");
        assertThat(sim.policyFailures()).isEqualTo(3);
    }

    @Test
    void reportsAreLimitedPerSecondAndTheRestCounted() {
        Simulation sim = world(50);
        sim.setTeamPolicy(0, "broken", (perception, plan) -> {
            throw new ArithmeticException("/ by zero");
        });
        sim.populate();
        for (int i = 0; i < 120; i++) {
            sim.step();
        }
        long reported = sim.behaviorErrors().next();
        assertThat(reported).isEqualTo(2L * BehaviorErrorLog.PER_SECOND);
        assertThat(sim.behaviorErrors().suppressed()).isEqualTo(sim.policyFailures() - reported).isPositive();
    }

    @Test
    void thinksOverTheDecisionBudgetWaitForTheNextTickAndAreNeverDropped() {
        Simulation sim = world(30);
        List<Integer> perTick = new ArrayList<>();
        Set<Long> thought = new HashSet<>();
        int[] count = new int[1];
        DecisionPolicy counting = (perception, plan) -> {
            count[0]++;
            thought.add(perception.id());
        };
        sim.setTeamPolicy(0, "counting", counting);
        sim.setTeamPolicy(1, "counting", counting);
        sim.decisionBudget(4, 0);
        sim.populate();
        for (int i = 0; i < 60; i++) {
            count[0] = 0;
            sim.step();
            perTick.add(count[0]);
        }
        // 60 agents thinking every 6 ticks want 10 decisions a tick; 4 are allowed.
        assertThat(perTick).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4)).contains(4);
        assertThat(thought).hasSize(sim.agentCount());
        assertThat(sim.deferredDecisions()).isPositive();
        assertThat(sim.budgetOverruns()).isPositive();
    }

    @Test
    void withinTheBudgetNothingIsDeferred() {
        Simulation sim = world(30);
        sim.decisionBudget(10, 0);
        sim.populate();
        for (int i = 0; i < 60; i++) {
            sim.step();
        }
        assertThat(sim.deferredDecisions()).isZero();
        assertThat(sim.budgetOverruns()).isZero();
    }

    @Test
    void aSpentTimeBudgetStopsDecidingAfterTheDecisionInProgressBatch() {
        Simulation sim = world(60);
        int[] count = new int[1];
        List<Integer> perTick = new ArrayList<>();
        DecisionPolicy counting = (perception, plan) -> count[0]++;
        sim.setTeamPolicy(0, "counting", counting);
        sim.setTeamPolicy(1, "counting", counting);
        // One nanosecond is spent by the first decisions; the clock is read every 8 decisions.
        sim.decisionBudget(1000, 1);
        sim.populate();
        for (int i = 0; i < 30; i++) {
            count[0] = 0;
            sim.step();
            perTick.add(count[0]);
        }
        assertThat(perTick).allSatisfy(n -> assertThat(n).isEqualTo(8));
        assertThat(sim.deferredDecisions()).isPositive();
    }
}
