package dev.agentarena.gateway.provider;

import dev.agentarena.gateway.config.LlmConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * The one way to call the configured model, guarded by SmallRye Fault Tolerance: a timeout per call, retries
 * with backoff on 429, 5xx, timeouts and connection errors (waiting what Retry-After says), all within the step
 * timeout; a circuit breaker that stops calling a failing provider; a bulkhead bounding calls in flight.
 * Every way of not getting an answer ends as {@link ProviderUnavailableException}. Nothing here is consulted
 * by the readiness check, so the gateway stays ready while the provider is down. Built at start, so that a
 * configuration mistake (a provider without a model) stops the gateway with a clear message at once.
 */
@Startup
@ApplicationScoped
public class ProviderCalls {

    /** The circuit breaker's name, for {@code CircuitBreakerMaintenance} (state, reset). */
    public static final String CIRCUIT = "llm-provider";

    private final LlmConfig config;
    private final ModelClient client;
    private final Guard guard;

    public ProviderCalls(LlmConfig config, CircuitBreakerMaintenance circuits, MeterRegistry registry) {
        this.config = config;
        this.client = clientFor(config);
        this.guard = Guard.create()
                .withDescription("llm provider " + name())
                .withTimeout().duration(config.callTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry()
                    .maxRetries(config.retries())
                    .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .maxDuration(config.stepTimeout().toMillis(), ChronoUnit.MILLIS)
                    .whenException(this::worthRetrying)
                    .withCustomBackoff().strategy(RetryAfterBackoff::new).done()
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(config.circuitWindow())
                    .failureRatio(config.circuitFailureRatio())
                    .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                    .when(ProviderCalls::providerFault)
                    .name(CIRCUIT)
                    .done()
                .withBulkhead().limit(config.concurrentCalls()).queueSize(config.queuedCalls()).enableSynchronousQueueing().done()
                .build();
        // Our own gauge rather than the framework's: it exists from the start, whatever calls were made, so the
        // alert on it never waits for a first failure to have a series.
        Gauge.builder("arena.gateway.circuit.open", circuits,
                        maintenance -> maintenance.currentState(CIRCUIT) == CircuitBreakerState.OPEN ? 1 : 0)
                .description("1 while the LLM provider's circuit is open (calls refused without trying), else 0")
                .tag("provider", name())
                .register(registry);
    }

    /** {@code offline}, {@code openai} or {@code anthropic}. */
    public String name() {
        return config.provider().name().toLowerCase();
    }

    public boolean offline() {
        return client == null;
    }

    /** The configured model, or null offline. */
    public String model() {
        return offline() ? null : config.model().orElse(null);
    }

    /**
     * @throws ProviderUnavailableException when no answer came: the message says why, never with a secret
     */
    public ModelReply complete(ModelPrompt prompt) {
        if (client == null) {
            throw new IllegalStateException("no provider is configured (ARENA_LLM_PROVIDER=offline)");
        }
        try {
            return guard.call(() -> client.complete(prompt), ModelReply.class);
        } catch (CircuitBreakerOpenException e) {
            throw new ProviderUnavailableException("the provider failed repeatedly; calls are paused for "
                    + config.circuitDelay().toSeconds() + " s", e);
        } catch (BulkheadException e) {
            throw new ProviderUnavailableException("too many copilot requests are waiting for the provider", e);
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException("the provider did not answer within " + config.callTimeout().toSeconds() + " s", e);
        } catch (ProviderHttpException e) {
            String why = e.retriable() ? " (retries exhausted)" : e.status() == 401 || e.status() == 403
                    ? " (check ARENA_LLM_API_KEY)" : e.status() == 404 ? " (check ARENA_LLM_BASE_URL and ARENA_LLM_MODEL)" : "";
            throw new ProviderUnavailableException(e.getMessage() + why, e);
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException("the provider could not be reached", e);
        } catch (Exception e) {
            throw new ProviderUnavailableException("the provider call failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private boolean worthRetrying(Throwable failure) {
        if (failure instanceof ProviderHttpException http) {
            return http.retriable() && http.retryAfter().map(wait -> wait.compareTo(config.maxRetryAfter()) <= 0).orElse(true);
        }
        return failure instanceof TimeoutException || failure instanceof ProcessingException;
    }

    /** Failures that say the provider is in trouble (not our request): these count towards opening the circuit. */
    private static boolean providerFault(Throwable failure) {
        return failure instanceof ProviderHttpException http ? http.retriable()
                : failure instanceof TimeoutException || failure instanceof ProcessingException;
    }

    private static ModelClient clientFor(LlmConfig config) {
        if (config.provider() == LlmConfig.Provider.OFFLINE) {
            return null;
        }
        String model = config.model().orElseThrow(() -> new IllegalStateException(
                "ARENA_LLM_MODEL must be set for ARENA_LLM_PROVIDER=" + config.provider().name().toLowerCase()));
        String key = config.apiKey().orElse(null);
        return switch (config.provider()) {
            case OPENAI -> new OpenAiClient(rest(config, "https://api.openai.com/v1").build(OpenAiApi.class), model, key);
            case ANTHROPIC -> new AnthropicClient(rest(config, "https://api.anthropic.com").build(AnthropicApi.class), model,
                    key == null ? "" : key);
            case OFFLINE -> null;
        };
    }

    private static QuarkusRestClientBuilder rest(LlmConfig config, String defaultUrl) {
        String base = config.baseUrl().orElse(defaultUrl).replaceAll("/+$", "");
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(Math.min(config.callTimeout().toMillis(), 10_000), TimeUnit.MILLISECONDS)
                .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
