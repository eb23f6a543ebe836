package dev.agentarena.contracts.kafka;

import java.util.List;
import java.util.Map;

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
    /**
     * Everything that changes a world, keyed by world id: the engines' consumer group divides its partitions, and
     * the partitions an engine is assigned are the worlds it runs ({@code WorldCommandRecord}).
     */
    public static final String WORLD_COMMANDS = "arena.world.commands";
    /** Each world's latest whole state and the offset of the last command in it, keyed by world id ({@code WorldCheckpoint}). */
    public static final String WORLD_CHECKPOINTS = "arena.world.checkpoints";
    /** The worlds that exist and which engine runs each, keyed by world id ({@code WorldListing}); a tombstone on delete. */
    public static final String WORLDS = "arena.worlds";
    /** The engines that are up and where clients reach them, keyed by engine id ({@code EngineListing}). */
    public static final String ENGINES = "arena.engines";
    /** Partitions of {@link #WORLD_COMMANDS} when nothing else is configured: up to this many engines share the worlds. */
    public static final int DEFAULT_WORLD_PARTITIONS = 12;
    /** A checkpoint of a world at its agent limit is several MB: its topic (and the engine's producer) allow this much. */
    public static final int CHECKPOINT_MAX_BYTES = 32 * 1024 * 1024;

    /** A topic the system needs, with how it must be created. */
    public record TopicSpec(String name, int partitions, boolean compacted, Map<String, String> settings) {
        public TopicSpec(String name, int partitions, boolean compacted) {
            this(name, partitions, compacted, Map.of());
        }
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
            new TopicSpec(WORLD_COMMANDS, DEFAULT_WORLD_PARTITIONS, false),
            new TopicSpec(WORLD_CHECKPOINTS, 3, true, Map.of("max.message.bytes", String.valueOf(CHECKPOINT_MAX_BYTES))),
            new TopicSpec(WORLDS, 3, true),
            new TopicSpec(ENGINES, 1, true));

    private Topics() {
    }
}
