package dev.agentarena.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * How often at most the engine tells the persistence service that a signed-in user was seen (a sign-in check or a
     * connection with their token): the user's {@code lastSeenAt} is true to within this much.
     */
    @WithDefault("5m")
    Duration lastSeenInterval();

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

    /**
     * How many limit breaches (RATE_LIMITED, FRAME_TOO_LARGE) a client may commit in a burst; with
     * {@link #breachesPerSecond()} a token bucket, and a client that empties it is closed with 1008.
     */
    @WithDefault("100")
    int breachBurst();

    /** Sustained limit breaches per second a client may commit without being closed. */
    @WithDefault("2")
    double breachesPerSecond();

    /** Open connections one remote address may hold; one more is refused with TOO_MANY_CONNECTIONS and 1008. */
    @WithDefault("20")
    int maxConnectionsPerAddress();

    /**
     * Open connections one user may hold. All guests act as the default user and share it, so this is large enough to
     * count as an engine-wide ceiling for guests.
     */
    @WithDefault("100")
    int maxConnectionsPerUser();

    /**
     * Replies and events that may wait for one client; one more closes it with 1013 (it reads too slowly). Above
     * {@link #messageBurst()}: a burst the rate limit allows, each frame answered, must fit.
     */
    @WithDefault("256")
    int outboundQueueMessages();

    /** Bytes of replies and events that may wait for one client (a single larger message still fits an empty queue). */
    @WithDefault("1048576")
    long outboundQueueBytes();

    /** Most worlds one user may have created and not deleted; one more is answered with WORLD_LIMIT. */
    @WithDefault("4")
    int maxWorldsPerUser();

    /**
     * How long a closed connection's session waits for its client to reconnect and {@code resume} it, keeping the
     * answers that arrive meanwhile (at most {@link #outboundQueueMessages()} of them).
     */
    @WithDefault("5m")
    Duration resumeWindow();

    /**
     * Origins ({@code scheme://host[:port]}) whose pages may open a WebSocket or a session here. Unset: only the
     * engine's own origin (the same host and port as the request's {@code Host}). There is no wildcard.
     */
    Optional<List<String>> allowedOrigins();
}
