package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding agents beyond the world's maximum is refused when submitted, never silently shortened when applied. */
class WorldAgentLimitTest {

    private final WorldHandle world = new WorldHandle("w", ArenaConfig.defaults(), null, TestSettings.fresh(),
            new TestSettings(4, 64, Duration.ofSeconds(30), 2000, 20_000), new SimpleMeterRegistry(),
            new BuiltInPolicies(), MatchSink.NONE, CheckpointSink.NONE, () -> 0L);

    @Test
    void queuedAddsCountTowardTheMaximum() {
        assertThat(world.info().agents()).isEqualTo(10);
        assertThat(world.submit(new WorldCommand.AddAgents(0, 1000)).accepted()).isTrue();
        assertThat(world.submit(new WorldCommand.AddAgents(1, 990)).accepted()).isTrue();
        CommandAdmission over = world.submit(new WorldCommand.AddAgents(0, 1));
        assertThat(over.accepted()).isFalse();
        assertThat(over.code()).isEqualTo("TOO_MANY_AGENTS");
        world.tick();
        assertThat(world.info().agents()).isEqualTo(2000);
        assertThat(world.submit(new WorldCommand.AddAgents(0, 1)).code()).isEqualTo("TOO_MANY_AGENTS");
    }

    @Test
    void removedAndResetAgentsMakeRoomAgain() {
        assertThat(world.submit(new WorldCommand.AddAgents(0, 1000)).accepted()).isTrue();
        assertThat(world.submit(new WorldCommand.AddAgents(0, 990)).accepted()).isTrue();
        world.tick();
        assertThat(world.submit(new WorldCommand.Reset()).accepted()).isTrue();
        world.tick();
        assertThat(world.info().agents()).isEqualTo(10);
        assertThat(world.submit(new WorldCommand.AddAgents(0, 1000)).accepted()).isTrue();
        world.tick();
        assertThat(world.info().agents()).isEqualTo(1010);
    }
}
