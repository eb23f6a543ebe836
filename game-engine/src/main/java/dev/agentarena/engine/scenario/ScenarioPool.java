package dev.agentarena.engine.scenario;

import dev.agentarena.engine.behavior.BehaviorCatalog;
import dev.agentarena.simulation.policy.ScenarioPolicies;
import dev.agentarena.engine.config.ScenarioConfig;
import dev.agentarena.simulation.scenario.ScenarioBehaviors;
import dev.agentarena.simulation.scenario.ScenarioResult;
import dev.agentarena.simulation.scenario.ScenarioRunner;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scenario documents off the world threads, on a pool of its own with at most {@code maxConcurrent}
 * runs on the engine and {@code maxPerUser} per user. A run over either limit is not queued: it is refused
 * at once ({@link #submit} gives empty), so that no backlog builds up and a world never waits for one.
 */
@ApplicationScoped
public class ScenarioPool {

    private final ScenarioRunner runner;
    private final int maxPerUser;
    private final Semaphore engineSlots;
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final MeterRegistry registry;

    @Inject
    public ScenarioPool(ScenarioConfig config, BehaviorCatalog catalog, MeterRegistry registry) {
        this(new ScenarioPolicies(catalog), config.maxConcurrent(), config.maxPerUser(), config.cpuBudget().toMillis(),
                registry);
    }

    public ScenarioPool(ScenarioBehaviors behaviors, int maxConcurrent, int maxPerUser, long cpuBudgetMs,
                        MeterRegistry registry) {
        if (maxConcurrent < 1 || maxPerUser < 1) {
            throw new IllegalArgumentException("scenario runs need at least one slot per engine and per user");
        }
        this.runner = new ScenarioRunner(behaviors, cpuBudgetMs);
        this.maxPerUser = maxPerUser;
        this.engineSlots = new Semaphore(maxConcurrent);
        this.registry = registry;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(maxConcurrent, task -> {
            Thread thread = new Thread(task, "scenario-runner-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /**
     * Parses, checks and runs {@code document} for {@code userId} on the pool; empty when the engine or the
     * user already runs as many as allowed (answer BUSY). The future fails with an
     * {@link dev.agentarena.simulation.scenario.InvalidScenarioException} for a document that cannot run.
     */
    public Optional<CompletableFuture<ScenarioResult>> submit(String userId, String document) {
        AtomicInteger mine = perUser.computeIfAbsent(userId, id -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerUser) {
            release(userId, mine);
            return busy("user");
        }
        if (!engineSlots.tryAcquire()) {
            release(userId, mine);
            return busy("engine");
        }
        CompletableFuture<ScenarioResult> result = new CompletableFuture<>();
        threads.execute(() -> {
            ScenarioResult done = null;
            RuntimeException failure = null;
            try {
                done = runner.run(document);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                // Freed before the answer goes out: whoever is told the run ended may start the next one at once.
                engineSlots.release();
                release(userId, mine);
            }
            if (failure != null) {
                registry.counter("arena.engine.scenarios.runs", "outcome", "invalid").increment();
                result.completeExceptionally(failure);
            } else {
                registry.counter("arena.engine.scenarios.runs", "outcome",
                        done.stopped() != null ? "stopped" : done.passed() ? "passed" : "failed").increment();
                result.complete(done);
            }
        });
        return Optional.of(result);
    }

    private Optional<CompletableFuture<ScenarioResult>> busy(String limit) {
        registry.counter("arena.engine.scenarios.runs", "outcome", "busy_" + limit).increment();
        return Optional.empty();
    }

    private void release(String userId, AtomicInteger mine) {
        if (mine.decrementAndGet() == 0) {
            perUser.remove(userId, mine);
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
