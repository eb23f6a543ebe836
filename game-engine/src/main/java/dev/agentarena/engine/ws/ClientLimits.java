package dev.agentarena.engine.ws;

import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;

/**
 * What the server accepts from a client and what a guest may do, the reply to {@code get_limits}: a page checks its
 * input against these and explains guests from them, so it keeps no copy of a server rule. Not in the welcome: the
 * guest texts would add a third to every join.
 *
 * @param worldId       what a {@code create_world} id must match
 * @param addAgentCount the range of {@code add_agent}'s {@code count}
 * @param guest         what a guest can and cannot do, in words for people
 */
public record ClientLimits(WorldIdRule worldId, Range addAgentCount, GuestRights guest) {

    /** {@code add_agent}'s count: checked with this by {@link WorldRequests}. */
    public static final Range ADD_AGENT_COUNT = new Range(1, WorldHandle.MAX_AGENTS_PER_COMMAND);

    /** The limits this engine publishes. */
    public static final ClientLimits PUBLISHED = new ClientLimits(
            new WorldIdRule(WorldManager.WORLD_ID_PATTERN, WorldManager.WORLD_ID_RULE),
            ADD_AGENT_COUNT,
            new GuestRights(
                    "As a guest you can watch and run any world, create worlds, apply the default configs, assign the "
                            + "built-in behaviors, edit and validate behaviors, run scenarios and ask the copilot.",
                    "A guest cannot save or delete configs and behaviors (nor apply a copilot answer, which saves "
                            + "one): " + OwnedEntityRequests.HOW_TO_SIGN_IN + "; only you can then change or delete "
                            + "what you saved."));

    /** {@code pattern}: a regular expression valid in Java and JavaScript, matched against the whole id. */
    public record WorldIdRule(String pattern, String description) {
    }

    /** Both ends included. */
    public record Range(int min, int max) {
        boolean contains(int value) {
            return value >= min && value <= max;
        }
    }

    public record GuestRights(String can, String cannot) {
    }
}
