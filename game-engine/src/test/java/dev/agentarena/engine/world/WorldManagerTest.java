package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldManagerTest {

    private final WorldManager manager =
            new WorldManager(TestSettings.defaults(), new SimpleMeterRegistry(), new BuiltInPolicies(),
                    MatchSink.NONE);

    @AfterEach
    void stop() {
        manager.stop();
    }

    /** World default is created by whichever engine owns its partition (WorldOwnership); here, by the test. */
    @BeforeEach
    void start() {
        manager.start();
        manager.create(WorldManager.DEFAULT_WORLD, ArenaConfig.defaults());
    }

    @Test
    void theDefaultWorldCannotBeDeleted() {
        assertThat(manager.find("default")).isPresent();
        assertThatThrownBy(() -> manager.delete("default")).isInstanceOf(WorldException.class)
                .extracting(e -> ((WorldException) e).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void worldsAreCreatedListedAndDeletedWithinTheLimit() {
        manager.create("a", ArenaConfig.defaults());
        manager.create("b", ArenaConfig.defaults());
        assertThat(manager.list()).extracting(WorldInfo::id).containsExactly("a", "b", "default");
        assertThat(code(() -> manager.create("a", ArenaConfig.defaults()))).isEqualTo("WORLD_EXISTS");
        manager.create("c", ArenaConfig.defaults());
        assertThat(code(() -> manager.create("d", ArenaConfig.defaults()))).isEqualTo("WORLD_LIMIT");
        assertThat(code(() -> manager.create("bad id!", ArenaConfig.defaults()))).isEqualTo("INVALID_ID");
        manager.delete("a");
        assertThat(manager.find("a")).isEmpty();
        assertThat(code(() -> manager.delete("a"))).isEqualTo("NOT_FOUND");
        manager.create("d", ArenaConfig.defaults());
    }

    @Test
    void worldsTickOnTheSchedulerAndFeedTheirViewers() throws InterruptedException {
        CountDownLatch snapshots = new CountDownLatch(5);
        List<String> threads = new CopyOnWriteArrayList<>();
        manager.find("default").orElseThrow().addViewer((simulation, generation, running) -> {
            threads.add(Thread.currentThread().getName());
            snapshots.countDown();
            return true;
        });
        assertThat(snapshots.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("world-loop-"));
        assertThat(manager.find("default").orElseThrow().info().tick()).isPositive();
    }

    private static String code(Runnable action) {
        try {
            action.run();
            return null;
        } catch (WorldException e) {
            return e.code();
        }
    }
}
