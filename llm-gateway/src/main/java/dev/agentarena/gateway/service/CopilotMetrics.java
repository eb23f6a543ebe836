package dev.agentarena.gateway.service;

import dev.agentarena.contracts.messages.LlmTokens;
import dev.agentarena.gateway.flow.FlowStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** The gateway's copilot metrics, each tagged by provider and model ({@code none} offline). */
@ApplicationScoped
public class CopilotMetrics {

    /** Histogram buckets for the dashboard's quantiles: an offline answer takes milliseconds, a model's seconds. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;

    public CopilotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** outcome: answered (with a behavior), replied (text only: a question, a refusal), failed, unavailable, rate_limited, rejected or malformed. */
    public void request(String provider, String model, String outcome, Duration latency) {
        registry.counter("arena.gateway.requests", "provider", provider, "model", tag(model), "outcome", outcome).increment();
        if (latency != null) {
            Timer.builder("arena.gateway.latency").tags("provider", provider, "model", tag(model), "outcome", outcome)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry).record(latency);
        }
    }

    public void tokens(String provider, String model, LlmTokens tokens) {
        registry.counter("arena.gateway.tokens", "provider", provider, "model", tag(model), "direction", "in").increment(tokens.in());
        registry.counter("arena.gateway.tokens", "provider", provider, "model", tag(model), "direction", "out").increment(tokens.out());
    }

    public void cacheHit(String provider, String model) {
        registry.counter("arena.gateway.cache.hits", "provider", provider, "model", tag(model)).increment();
    }

    FlowStats flowStats(String provider, String model) {
        return new FlowStats() {
            @Override
            public void repaired() {
                registry.counter("arena.gateway.repairs", "provider", provider, "model", tag(model)).increment();
            }

            @Override
            public void checksFailed(int count) {
                registry.counter("arena.gateway.checks.failed", "provider", provider, "model", tag(model)).increment(count);
            }
        };
    }

    private static String tag(String model) {
        return model == null ? "none" : model;
    }
}
