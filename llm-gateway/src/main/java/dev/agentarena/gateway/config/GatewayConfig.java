package dev.agentarena.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's settings ({@code arena.gateway.*}). */
@ConfigMapping(prefix = "arena.gateway")
public interface GatewayConfig {

    /** Longest query accepted, in characters; longer ones are refused with a clear message. */
    @WithDefault("4000")
    int maxQueryLength();
}
