package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;

import java.util.List;

/**
 * Everything that changes a world enters as one of these, through the world's bounded queue, and is applied
 * by the world's own thread at the start of a tick. Plain data, so commands can later travel over Kafka.
 */
public sealed interface WorldCommand {

    /** Short name used in replies and metrics. */
    String name();

    record Start() implements WorldCommand {
        public String name() { return "start"; }
    }

    record Pause() implements WorldCommand {
        public String name() { return "pause"; }
    }

    /** Advances one tick while paused (ignored while running). */
    record Step() implements WorldCommand {
        public String name() { return "step"; }
    }

    /** Rebuilds the world from its config with its initial teams; team behaviors are kept. */
    record Reset() implements WorldCommand {
        public String name() { return "reset"; }
    }

    /** {@code count} agents of {@code team}, each at a random free spot (the prototype's "Add Red" / "Add Blue"). */
    record AddAgents(int team, int count) implements WorldCommand {
        public String name() { return "add_agent"; }
    }

    /**
     * Applies live when only live fields change (see docs/config.md), else resets with the new config;
     * {@code source} names the stored config it is (null: not a stored one) in the world's match results.
     */
    record ApplyConfig(ArenaConfig config, ConfigRef source) implements WorldCommand {
        public String name() { return "apply_config"; }
    }

    /** Gives every agent of {@code team} (without an own behavior) the behavior {@code behaviorId}. */
    record SetTeamBehavior(int team, String behaviorId) implements WorldCommand {
        public String name() { return "set_team_behavior"; }
    }

    /** Gives chosen agents their own behavior; a null {@code behaviorId} returns them to their team's. */
    record SetAgentBehavior(List<Long> agentIds, String behaviorId) implements WorldCommand {
        public SetAgentBehavior {
            agentIds = List.copyOf(agentIds);
        }

        public String name() { return "set_agent_behavior"; }
    }
}
