package dev.agentarena.persistence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The persistence service's own settings ({@code arena.persistence.*}). */
@ConfigMapping(prefix = "arena.persistence")
public interface PersistenceConfig {

    /** Longest command (in characters) read as a command; a longer one goes to the dead letters as OVERSIZED. */
    @WithDefault("262144")
    int maxCommandChars();

    /** Most configs one user may own; one more is answered QUOTA_EXCEEDED. */
    @WithDefault("100")
    int maxConfigsPerUser();

    /** Most behaviors one user may own; one more is answered QUOTA_EXCEEDED. */
    @WithDefault("100")
    int maxBehaviorsPerUser();

    /** First wait before a command is retried after MongoDB could not be reached (doubling up to the maximum). */
    @WithDefault("200ms")
    Duration storeRetryInitial();

    @WithDefault("2s")
    Duration storeRetryMax();
}
