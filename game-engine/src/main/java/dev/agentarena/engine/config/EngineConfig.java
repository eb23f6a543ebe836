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

    /** Most worlds one user may have created and not deleted; one more is answered with WORLD_LIMIT. */
    @WithDefault("4")
    int maxWorldsPerUser();
}
