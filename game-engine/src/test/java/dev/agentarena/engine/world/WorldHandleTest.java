package dev.agentarena.engine.world;

import dev.agentarena.simulation.policy.PolicyCatalog;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.BehaviorErrorLog;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.engine.stream.WorldCopy;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.MatchResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WorldHandleTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong clock = new AtomicLong();
    private final List<MatchResult> matches = new ArrayList<>();

    private WorldHandle world(TestSettings settings) {
        return new WorldHandle("w", ArenaConfig.defaults(), ConfigRef.DEFAULT, TestSettings.fresh(), settings, registry,
                new BuiltInPolicies(), matches::add, CheckpointSink.NONE, clock::get);
    }

    @Test
    void aFullQueueRefusesWithQueueFullAndCountsIt() {
        WorldHandle world = world(TestSettings.defaults());
        for (int i = 0; i < 8; i++) {
            assertThat(world.submit(new WorldCommand.AddAgents(0, 1)).accepted()).isTrue();
        }
        CommandAdmission refused = world.submit(new WorldCommand.AddAgents(0, 1));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.code()).isEqualTo("QUEUE_FULL");
        assertThat(registry.get("arena.engine.world.commands.rejected").tag("reason", "QUEUE_FULL").counter().count())
                .isEqualTo(1);
        world.tick();
        assertThat(world.info().teamAgents()).containsExactly(13, 5);
        assertThat(world.submit(new WorldCommand.AddAgents(1, 1)).accepted()).isTrue();
    }

    @Test
    void theInfoTellsHowLongTicksTake() {
        WorldHandle world = world(TestSettings.defaults());
        assertThat(world.info().tickMillis()).isZero();
        world.submit(new WorldCommand.Start());
        for (int i = 0; i < 10; i++) {
            world.tick();
        }
        // Published with the info at the next snapshot: the smoothed time of the ticks before.
        assertThat(world.info().tickMillis()).isPositive();
    }

    @Test
    void invalidCommandsAreRefusedWithACode() {
        WorldHandle world = world(TestSettings.defaults());
        assertThat(world.submit(new WorldCommand.AddAgents(2, 1)).code()).isEqualTo("INVALID_TEAM");
        assertThat(world.submit(new WorldCommand.AddAgents(0, 0)).code()).isEqualTo("INVALID_COUNT");
        assertThat(world.submit(new WorldCommand.SetTeamBehavior(0, "nope")).code()).isEqualTo("UNKNOWN_BEHAVIOR");
        ArenaConfig bad = Json.read("{\"visualRange\": -5}", ArenaConfig.class);
        CommandAdmission outcome = world.submit(new WorldCommand.ApplyConfig(bad, null));
        assertThat(outcome.code()).isEqualTo("INVALID_CONFIG");
        assertThat(outcome.reason()).contains("/visualRange");
    }

    @Test
    void viewersCopyTheWorldAtTheBroadcastRateUntilTheyClose() {
        WorldHandle world = world(TestSettings.defaults());
        List<Long> ticks = new ArrayList<>();
        List<Integer> generations = new ArrayList<>();
        Registration registration = world.addViewer((simulation, generation, running) -> {
            ticks.add(simulation.tick());
            generations.add(generation);
            assertThat(simulation.agentCount()).isEqualTo(10);
            return true;
        });
        for (int i = 0; i < 60; i++) {
            world.tick();
        }
        assertThat(ticks).hasSize(20).endsWith(60L);
        world.submit(new WorldCommand.Reset());
        for (int i = 0; i < 3; i++) {
            world.tick();
        }
        assertThat(generations.get(20)).as("a reset is a new generation").isGreaterThan(generations.get(19));
        registration.close();
        world.tick();
        world.tick();
        world.tick();
        assertThat(ticks).hasSize(21);
    }

    @Test
    void aBusyViewerSkipsBroadcastsAndTheyAreCounted() {
        WorldHandle world = world(TestSettings.defaults());
        world.addViewer((simulation, generation, running) -> false);
        for (int i = 0; i < 30; i++) {
            world.tick();
        }
        assertThat(registry.get("arena.engine.world.broadcasts.skipped").counter().count()).isEqualTo(10);
        assertThat(world.info().tick()).as("the world went on").isEqualTo(30);
    }

    @Test
    void pauseStepStartAndResetDriveTheClock() {
        WorldHandle world = world(TestSettings.defaults());
        world.submit(new WorldCommand.Pause());
        world.tick();
        world.tick();
        assertThat(world.info().tick()).isZero();
        world.submit(new WorldCommand.Step());
        world.tick();
        assertThat(world.info().tick()).isEqualTo(1);
        world.submit(new WorldCommand.Start());
        world.tick();
        assertThat(world.info().running()).isTrue();
        world.submit(new WorldCommand.Reset());
        world.tick();
        assertThat(world.info().tick()).isEqualTo(1);
    }

    @Test
    void anUnwatchedWorldPausesAfterTheIdleTime() {
        WorldHandle world = world(new TestSettings(4, 8, Duration.ofSeconds(30), 2000, 20_000));
        world.tick();
        assertThat(world.info().running()).isTrue();
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        world.tick();
        assertThat(world.info().running()).isFalse();
        Registration viewer = world.addViewer((simulation, generation, running) -> true);
        world.submit(new WorldCommand.Start());
        clock.addAndGet(Duration.ofSeconds(60).toNanos());
        world.tick();
        assertThat(world.info().running()).isTrue();
        viewer.close();
    }

    @Test
    void eachRoundEndHandsOverOneResultNamingTheWorldItsConfigAndTheRoundsStats() {
        WorldHandle world = world(TestSettings.defaults());
        world.submit(new WorldCommand.ApplyConfig(Json.read("{\"roundTime\": 10.0}", ArenaConfig.class),
                new ConfigRef("short-rounds", 3)));
        Instant before = Instant.now();
        for (int i = 0; i < 60 * 10 * 2 + 1; i++) {
            world.tick();
        }
        assertThat(matches).hasSize(2);
        MatchResult first = matches.get(0);
        assertThat(first.type()).isEqualTo(MatchResult.TYPE);
        assertThat(first.eventId()).isNotBlank().isNotEqualTo(matches.get(1).eventId());
        assertThat(first.worldId()).isEqualTo("w");
        assertThat(first.configId()).isEqualTo("short-rounds");
        assertThat(first.configVersion()).isEqualTo(3);
        assertThat(first.startedAt()).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(first.endedAt());
        assertThat(matches.get(1).startedAt()).isEqualTo(first.endedAt());
        assertThat(first.teams()).extracting(MatchResult.TeamResult::team).containsExactly(0, 1);
        assertThat(first.agents()).hasSize(10).allSatisfy(agent ->
                assertThat(agent.lifetimeSeconds()).isBetween(0.0, 10.0));
        for (MatchResult.TeamResult team : first.teams()) {
            assertThat(first.agents().stream().filter(agent -> agent.team() == team.team())
                    .mapToInt(MatchResult.AgentResult::deaths).sum()).isEqualTo(team.deaths());
        }
        Integer winner = first.winnerTeam();
        if (winner != null) {
            MatchResult.TeamResult won = first.teams().get(winner);
            assertThat(first.teams()).allSatisfy(team -> assertThat(team.survivors()).isLessThanOrEqualTo(won.survivors()));
        }
    }

    @Test
    void liveFieldsApplyWithoutAResetAndShapeFieldsReset() {
        WorldHandle world = world(TestSettings.defaults());
        for (int i = 0; i < 10; i++) {
            world.tick();
        }
        world.submit(new WorldCommand.ApplyConfig(Json.read("{\"attackCooldown\": 2.0}", ArenaConfig.class), null));
        world.tick();
        assertThat(world.info().tick()).isEqualTo(11);
        assertThat(world.info().config().attackCooldown()).isEqualTo(2.0);
        world.submit(new WorldCommand.ApplyConfig(Json.read("{\"teamCount\": 3}", ArenaConfig.class), null));
        world.tick();
        assertThat(world.info().tick()).isEqualTo(1);
        assertThat(world.info().teamAgents()).containsExactly(5, 5, 5);
    }

    @Test
    void addsBeyondTheMaximumAreRefusedAndAgentsCanBeGivenBehaviors() {
        WorldHandle world = world(new TestSettings(4, 8, Duration.ofSeconds(30), 12, 20_000));
        assertThat(world.submit(new WorldCommand.AddAgents(0, 5)).code()).isEqualTo("TOO_MANY_AGENTS");
        assertThat(world.submit(new WorldCommand.AddAgents(0, 2)).accepted()).isTrue();
        world.tick();
        assertThat(world.info().agents()).isEqualTo(12);
        assertThat(world.submit(new WorldCommand.SetAgentBehavior(List.of(2L), "wander")).accepted()).isTrue();
        world.tick();
        assertThat(world.info().agents()).isEqualTo(12);
    }

    @Test
    void metricsArePerWorldAndGoAwayWithIt() {
        WorldHandle world = world(TestSettings.defaults());
        world.tick();
        assertThat(registry.get("arena.engine.world.tick").tag("world", "w").timer().count()).isEqualTo(1);
        assertThat(registry.get("arena.engine.world.agents").tag("world", "w").gauge().value()).isEqualTo(10);
        assertThat(registry.get("arena.engine.world.queue.depth").tag("world", "w").gauge().value()).isZero();
        world.delete();
        assertThat(registry.find("arena.engine.world.tick").tag("world", "w").timer()).isNull();
        assertThat(world.submit(new WorldCommand.Start()).code()).isEqualTo("WORLD_DELETED");
    }

    @Test
    void aFailingBehaviorReachesViewersAsBehaviorErrorsAndIsCountedWhileTheWorldRuns() {
        DecisionPolicy failing = (perception, plan) -> {
            throw new ArithmeticException("/ by zero");
        };
        PolicyCatalog broken = id -> id.equals("broken") ? Optional.of(failing) : new BuiltInPolicies().find(id);
        WorldHandle world = new WorldHandle("w", ArenaConfig.defaults(), null, TestSettings.fresh(),
                TestSettings.defaults(), registry, broken, MatchSink.NONE, CheckpointSink.NONE, clock::get);
        List<BehaviorErrorLog.Entry> errors = new ArrayList<>();
        WorldCopy copy = new WorldCopy();
        WorldCopy.LogCursor cursor = new WorldCopy.LogCursor();
        world.addViewer((simulation, generation, running) -> {
            copy.fill(simulation, generation, running, cursor);
            for (int i = 0; i < copy.errorCount(); i++) {
                errors.add(copy.error(i));
            }
            return true;
        });
        world.submit(new WorldCommand.SetTeamBehavior(0, "broken"));
        for (int i = 0; i < 120; i++) {
            world.tick();
        }
        assertThat(world.info().tick()).isEqualTo(120);
        assertThat(world.running()).isTrue();
        assertThat(errors).isNotEmpty().hasSizeLessThanOrEqualTo(10).allSatisfy(error -> {
            assertThat(error.behaviorId()).isEqualTo("broken");
            assertThat(error.code()).isEqualTo("EVALUATION_FAILED");
            assertThat(error.message()).isEqualTo("/ by zero");
        });
        double failures = registry.get("arena.engine.world.policy.failures").counter().count();
        assertThat(failures).isEqualTo(world.simulation().policyFailures()).isPositive();
        assertThat(registry.get("arena.engine.world.behavior.errors.suppressed").counter().count())
                .isEqualTo(failures - errors.size());
    }

    @Test
    void decisionsOverTheBudgetAreDeferredAndCounted() {
        WorldHandle world = world(new TestSettings(4, 8, Duration.ofSeconds(30), 2000, 1));
        for (int i = 0; i < 30; i++) {
            world.tick();
        }
        assertThat(registry.get("arena.engine.world.decisions.deferred").counter().count())
                .isEqualTo(world.simulation().deferredDecisions()).isPositive();
        assertThat(registry.get("arena.engine.world.decisions.budget.overruns").counter().count()).isPositive();
    }
}
