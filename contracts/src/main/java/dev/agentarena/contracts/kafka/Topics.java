package dev.agentarena.contracts.kafka;

import java.util.List;

/** Every Kafka topic of the system, in one place: names, partitions and whether the topic is a compacted changelog. */
public final class Topics {

    public static final String PERSISTENCE_COMMANDS = "arena.persistence.commands";
    public static final String PERSISTENCE_RESULTS = "arena.persistence.results";
    /** Input the persistence service could not read as a command, with the reason ({@code DeadLetter}). */
    public static final String PERSISTENCE_DEAD_LETTERS = "arena.persistence.dead-letters";
    public static final String USERS = "arena.users";
    /** Token hashes keyed by hash, carrying the user id ({@code TokenGrant}); a tombstone on revoke. */
    public static final String USER_TOKENS = "arena.users.tokens";
    public static final String CONFIGS = "arena.configs";
    public static final String BEHAVIORS = "arena.behaviors";
    public static final String LLM_REQUESTS = "arena.llm.requests";
    public static final String LLM_EVENTS = "arena.llm.events";
    public static final String WORLD_EVENTS = "arena.world.events";
    public static final String WORLD_CHECKPOINTS = "arena.world.checkpoints";

    /** A topic the system needs, with how it must be created. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(PERSISTENCE_COMMANDS, 3, false),
            new TopicSpec(PERSISTENCE_RESULTS, 3, false),
            new TopicSpec(PERSISTENCE_DEAD_LETTERS, 1, false),
            new TopicSpec(USERS, 3, true),
            new TopicSpec(USER_TOKENS, 3, true),
            new TopicSpec(CONFIGS, 3, true),
            new TopicSpec(BEHAVIORS, 3, true),
            new TopicSpec(LLM_REQUESTS, 3, false),
            new TopicSpec(LLM_EVENTS, 3, false),
            new TopicSpec(WORLD_EVENTS, 3, false),
            new TopicSpec(WORLD_CHECKPOINTS, 3, true));

    private Topics() {
    }
}
