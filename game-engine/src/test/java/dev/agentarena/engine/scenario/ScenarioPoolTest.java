package dev.agentarena.engine.scenario;

import dev.agentarena.behavior.CompiledBehavior;
import dev.agentarena.simulation.policy.ScenarioPolicies;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.simulation.scenario.InvalidScenarioException;
import dev.agentarena.simulation.scenario.ScenarioBehaviors;
import dev.agentarena.simulation.scenario.ScenarioLibrary;
import dev.agentarena.simulation.scenario.ScenarioResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioPoolTest {

    private static final String FLEE = ScenarioLibrary.json("flee-when-weak");

    /** The built-ins, but every run waits for {@link #release} before it resolves its behaviors. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final ScenarioBehaviors held = new ScenarioBehaviors() {
        private final ScenarioPolicies builtIns = ScenarioPolicies.builtIns();

        @Override
        public Optional<DecisionPolicy> find(String behaviorId) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return builtIns.find(behaviorId);
        }

        @Override
        public DecisionPolicy policy(CompiledBehavior behavior) {
            return builtIns.policy(behavior);
        }
    };

    @Test
    void runsBeyondTheUsersOrTheEnginesLimitAreRefusedNotQueued() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScenarioPool pool = new ScenarioPool(held, 2, 1, 2_000, registry);
        try {
            CompletableFuture<ScenarioResult> alice = pool.submit("alice", FLEE).orElseThrow();
            assertThat(pool.submit("alice", FLEE)).as("alice's second run").isEmpty();
            CompletableFuture<ScenarioResult> bob = pool.submit("bob", FLEE).orElseThrow();
            assertThat(pool.submit("carol", FLEE)).as("the engine's third run").isEmpty();
            release.countDown();
            assertThat(alice.get(30, TimeUnit.SECONDS).passed()).isTrue();
            assertThat(bob.get(30, TimeUnit.SECONDS).passed()).isTrue();
            assertThat(pool.submit("carol", FLEE).orElseThrow().get(30, TimeUnit.SECONDS).passed()).isTrue();
            assertThat(registry.counter("arena.engine.scenarios.runs", "outcome", "busy_user").count()).isEqualTo(1);
            assertThat(registry.counter("arena.engine.scenarios.runs", "outcome", "busy_engine").count()).isEqualTo(1);
            assertThat(registry.counter("arena.engine.scenarios.runs", "outcome", "passed").count()).isEqualTo(3);
        } finally {
            pool.stop();
        }
    }

    @Test
    void anInvalidDocumentFailsItsRunAndFreesItsSlot() throws Exception {
        ScenarioPool pool = new ScenarioPool(ScenarioPolicies.builtIns(), 1, 1, 2_000, new SimpleMeterRegistry());
        try {
            CompletableFuture<ScenarioResult> invalid = pool.submit("alice", "{\"name\": \"x\"}").orElseThrow();
            assertThatThrownBy(() -> invalid.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InvalidScenarioException.class);
            assertThat(pool.submit("alice", FLEE).orElseThrow().get(30, TimeUnit.SECONDS).passed()).isTrue();
        } finally {
            pool.stop();
        }
    }
}
