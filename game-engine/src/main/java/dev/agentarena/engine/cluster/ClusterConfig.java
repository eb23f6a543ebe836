package dev.agentarena.engine.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How this engine shares the worlds with the other engines ({@code arena.engine.cluster.*}). */
@ConfigMapping(prefix = "arena.engine.cluster")
public interface ClusterConfig {

    /** A stable name for this engine (e.g. its pod name); when absent, a random one per start. */
    Optional<String> engineId();

    /**
     * Where browsers reach this engine (scheme, host and port, no path). Clients of a world this engine does not run
     * are sent to the URL of the engine that does. When absent: {@code http://localhost:<quarkus.http.port>}.
     */
    Optional<String> publicUrl();

    /** The consumer group of all engines on {@code arena.world.commands}: its partition assignment decides who runs what. */
    @WithDefault("arena-engines")
    String group();

    /**
     * How long an engine may be silent before the group gives its worlds to the others (Kafka's
     * {@code session.timeout.ms}; the broker's minimum is 6 s by default). A killed engine's worlds resume elsewhere
     * about this long after it died.
     */
    @WithDefault("6s")
    Duration sessionTimeout();

    /** How long create_world and delete_world wait for the owning engine to carry them out before TIMEOUT. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long start-up waits for this engine's first share of the worlds before it goes on (and reports not ready). */
    @WithDefault("30s")
    Duration startupWait();
}
