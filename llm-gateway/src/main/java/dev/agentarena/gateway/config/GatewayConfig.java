package dev.agentarena.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The gateway's request limits and memories ({@code arena.gateway.*}); the provider is {@link LlmConfig}. */
@ConfigMapping(prefix = "arena.gateway")
public interface GatewayConfig {

    /** Longest query accepted, in characters; longer ones are refused with a clear message. */
    @WithDefault("4000")
    int maxQueryLength();

    /** Longest panel context kept, in characters of its JSON; a longer one is cut (and the prompt says so). */
    @WithDefault("4000")
    int maxContextLength();

    /** Requests one user may start per minute (sustained); more get RATE_LIMITED. */
    @WithDefault("20")
    int requestsPerMinute();

    /** Requests one user may start at once (burst above the sustained rate). */
    @WithDefault("5")
    int requestBurst();

    /** Requests of one user in progress at the same time; more get RATE_LIMITED. */
    @WithDefault("2")
    int concurrentPerUser();

    /** Model tokens (in + out) one request may use over all its attempts. */
    @WithDefault("24000")
    long tokenBudget();

    /** Repairs after the first generation, at most. */
    @WithDefault("2")
    int maxRepairs();

    /** Answers kept for identical requests with the same context. */
    @WithDefault("256")
    int cacheSize();

    @WithDefault("10m")
    Duration cacheTtl();

    /** Turns (a question and its answer) kept per conversation. */
    @WithDefault("6")
    int conversationTurns();

    /** A conversation is forgotten this long after its last turn. */
    @WithDefault("30m")
    Duration conversationTtl();

    /** Conversations kept at once; the least recently used goes first. */
    @WithDefault("1000")
    int conversations();
}
