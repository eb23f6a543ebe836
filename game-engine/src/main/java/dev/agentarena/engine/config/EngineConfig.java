package dev.agentarena.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The engine's settings for its clients ({@code arena.engine.*}). */
@ConfigMapping(prefix = "arena.engine")
public interface EngineConfig {

    /** How long a client waits for the persistence service before it gets a TIMEOUT error. */
    @WithDefault("10s")
    Duration replyTimeout();

    /**
     * How long the persistence service may answer nothing while commands wait before new commands are refused at once
     * with UNAVAILABLE (until the next result arrives).
     */
    @WithDefault("5s")
    Duration persistenceSilence();

    /** How long a client waits for the copilot's final answer before it gets a TIMEOUT error. */
    @WithDefault("120s")
    Duration llmTimeout();

    /** Largest text frame a client may send; a larger one is answered with FRAME_TOO_LARGE. */
    @WithDefault("65536")
    int maxFrameBytes();

    /** Sustained messages per second a client may send; above it, messages are answered with RATE_LIMITED. */
    @WithDefault("30")
    double messagesPerSecond();

    /** How many messages a client may send in a burst before the rate limit applies. */
    @WithDefault("60")
    int messageBurst();
}
