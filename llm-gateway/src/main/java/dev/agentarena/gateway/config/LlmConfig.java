package dev.agentarena.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Which model answers ({@code arena.llm.*}, i.e. {@code ARENA_LLM_PROVIDER}, {@code ARENA_LLM_BASE_URL},
 * {@code ARENA_LLM_MODEL}, {@code ARENA_LLM_API_KEY}) and how the gateway protects itself from it.
 * The key is never logged: only the REST clients read it, to set the request header.
 */
@ConfigMapping(prefix = "arena.llm")
public interface LlmConfig {

    enum Provider { OFFLINE, OPENAI, ANTHROPIC }

    @WithDefault("offline")
    Provider provider();

    /** e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1} (Ollama), {@code https://api.anthropic.com}. */
    Optional<String> baseUrl();

    Optional<String> model();

    Optional<String> apiKey();

    /** Most output tokens asked for per call (also bounded by the request's remaining token budget). */
    @WithDefault("2048")
    int maxOutputTokens();

    /** Longest one provider call may take; a slower one is abandoned and counts as a failure. */
    @WithDefault("30s")
    Duration callTimeout();

    /** Longest one step (reformulate, generate or repair) may take over all its retries. */
    @WithDefault("45s")
    Duration stepTimeout();

    /** Retries of one call on 429, 5xx, timeouts and connection errors. */
    @WithDefault("2")
    int retries();

    /** First retry delay; it doubles per retry unless the provider's Retry-After says otherwise. */
    @WithDefault("500ms")
    Duration retryDelay();

    /** A Retry-After longer than this is not waited for: the call fails as unavailable at once. */
    @WithDefault("10s")
    Duration maxRetryAfter();

    /** Calls in the circuit breaker's rolling window. */
    @WithDefault("6")
    int circuitWindow();

    /** Failed share of the window that opens the circuit. */
    @WithDefault("0.5")
    double circuitFailureRatio();

    /** How long an open circuit refuses calls before letting a trial through (half-open). */
    @WithDefault("20s")
    Duration circuitDelay();

    /** Provider calls in flight at once over all users; more wait in the queue. */
    @WithDefault("8")
    int concurrentCalls();

    @WithDefault("32")
    int queuedCalls();
}
