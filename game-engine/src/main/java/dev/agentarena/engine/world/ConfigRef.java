package dev.agentarena.engine.world;

import dev.agentarena.contracts.messages.DefaultEntities;

/**
 * Which stored config a world runs, as its match results name it: the config's id and the version applied.
 * A world built from a config that is not stored (a test's, a benchmark's) has none (null).
 */
public record ConfigRef(String id, long version) {

    /** The shipped default config: read-only, so it stays at its first version. */
    public static final ConfigRef DEFAULT = new ConfigRef(DefaultEntities.DEFAULT_CONFIG_ID, 1);
}
