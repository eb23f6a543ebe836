package dev.agentarena.engine.health;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.engine.world.WorldInfo;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check against worlds and a clock the test moves: no real time passes. */
class WorldLoopsLivenessCheckTest {

    private final List<WorldInfo> worlds = new ArrayList<>();
    private long now = 1_000_000_000L;
    private final WorldLoopsLivenessCheck check = new WorldLoopsLivenessCheck(() -> List.copyOf(worlds), () -> now);

    private void world(String id, boolean running, long tick) {
        worlds.removeIf(w -> w.id().equals(id));
        worlds.add(new WorldInfo(id, running, tick, 1, 0, List.of(), 0, 0, ArenaConfig.defaults()));
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }

    @Test
    void aRunningWorldThatKeepsTickingIsUp() {
        world("default", true, 10);
        check.call();
        advance(Duration.ofSeconds(8));
        world("default", true, 490);

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("running", 1L);
    }

    @Test
    void aRunningWorldStuckOnOneTickForMoreThanFiveSecondsIsDown() {
        world("default", true, 10);
        world("arena-2", true, 50);
        check.call();
        advance(Duration.ofSeconds(3));
        world("arena-2", true, 230);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        advance(Duration.ofMillis(2_001));
        world("arena-2", true, 350);

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("default", "no tick for 5001 ms (stuck at tick 10)")
                .doesNotContainKey("arena-2");
    }

    @Test
    void exactlyTheLimitIsStillUp() {
        world("default", true, 10);
        check.call();
        advance(WorldLoopsLivenessCheck.STALL_LIMIT);

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aPausedWorldNeverStallsAndStartsItsClockAgainWhenResumed() {
        world("default", false, 10);
        check.call();
        advance(Duration.ofMinutes(10));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        world("default", true, 10);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        advance(Duration.ofSeconds(6));

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void aWorldDeletedAndRecreatedUnderTheSameIdStartsFresh() {
        world("arena-2", true, 10);
        check.call();
        worlds.clear();
        check.call();
        advance(Duration.ofSeconds(6));
        world("arena-2", true, 10);

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
