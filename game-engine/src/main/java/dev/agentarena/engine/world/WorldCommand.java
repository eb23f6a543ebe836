package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;

/** Everything that changes a world enters as one of these, through the world's bounded queue. */
public sealed interface WorldCommand {

    /** Short name used in replies and metrics. */
    String name();

    record Start() implements WorldCommand {
        public String name() { return "start"; }
    }

    record Pause() implements WorldCommand {
        public String name() { return "pause"; }
    }

    /** Advances one tick while paused. */
    record Step() implements WorldCommand {
        public String name() { return "step"; }
    }

    /** Rebuilds the world from its config, with its initial teams. */
    record Reset() implements WorldCommand {
        public String name() { return "reset"; }
    }

    record AddAgents(int team, int count) implements WorldCommand {
        public String name() { return "add_agent"; }
    }

    /** Replaces the world's config and resets it. */
    record ApplyConfig(ArenaConfig config) implements WorldCommand {
        public String name() { return "apply_config"; }
    }
}
