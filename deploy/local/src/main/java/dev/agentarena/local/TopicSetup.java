package dev.agentarena.local;

import dev.agentarena.contracts.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the broker's topics match {@link Topics#ALL}, idempotently: missing topics are created with their
 * partition count and configs ({@code cleanup.policy=compact} for changelogs, plus each spec's
 * {@link Topics.TopicSpec#settings()}); an existing topic (say, auto-created by a client that came first) gets the
 * configs it lacks or has other values for, and the partitions it is short of. Nothing is ever deleted or shrunk.
 * Works against any broker, embedded or external.
 */
public final class TopicSetup {

    private static final long TIMEOUT_SECONDS = 30;

    /** What {@link #ensure} changed; all zero when the broker already matched. */
    public record Result(int created, int reconfigured, int partitionsAdded) {
    }

    private TopicSetup() {
    }

    /** As {@link #ensure(String, int)} with {@link Topics#DEFAULT_WORLD_PARTITIONS}. */
    public static Result ensure(String bootstrapServers) throws InterruptedException {
        return ensure(bootstrapServers, Topics.DEFAULT_WORLD_PARTITIONS);
    }

    /**
     * @param worldPartitions partitions of {@link Topics#WORLD_COMMANDS} (they bound the engines that share the worlds);
     *                        a topic that has more keeps them
     */
    public static Result ensure(String bootstrapServers, int worldPartitions) throws InterruptedException {
        List<Topics.TopicSpec> specs = specs(worldPartitions);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<Topics.TopicSpec> existing = new ArrayList<>();
            int created = 0;
            Map<String, KafkaFuture<Void>> creations = admin.createTopics(specs.stream().map(TopicSetup::newTopic).toList())
                    .values();
            for (Topics.TopicSpec spec : specs) {
                try {
                    await(creations.get(spec.name()), "creating topic " + spec.name());
                    created++;
                } catch (TopicExistsException e) {
                    existing.add(spec);
                }
            }
            return existing.isEmpty() ? new Result(created, 0, 0) : converge(admin, existing, created);
        }
    }

    /** {@link Topics#ALL}, with {@code worldPartitions} partitions for {@link Topics#WORLD_COMMANDS}. */
    static List<Topics.TopicSpec> specs(int worldPartitions) {
        if (worldPartitions < 1) {
            throw new IllegalArgumentException("partitions of " + Topics.WORLD_COMMANDS + " must be at least 1, not " + worldPartitions);
        }
        return Topics.ALL.stream()
                .map(spec -> spec.name().equals(Topics.WORLD_COMMANDS)
                        ? new Topics.TopicSpec(spec.name(), worldPartitions, spec.compacted(), spec.settings())
                        : spec)
                .toList();
    }

    private static Result converge(Admin admin, List<Topics.TopicSpec> existing, int created) throws InterruptedException {
        List<String> names = existing.stream().map(Topics.TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = describe(admin, names);
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), "describing topic configs");
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        Map<String, NewPartitions> growth = new HashMap<>();
        for (Topics.TopicSpec spec : existing) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            List<AlterConfigOp> missing = missingConfigs(spec, configs.get(resource));
            if (!missing.isEmpty()) {
                changes.put(resource, missing);
            }
            if (descriptions.get(spec.name()).partitions().size() < spec.partitions()) {
                growth.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
            }
        }
        if (!changes.isEmpty()) {
            await(admin.incrementalAlterConfigs(changes).all(), "setting topic configs");
        }
        if (!growth.isEmpty()) {
            await(admin.createPartitions(growth).all(), "adding partitions");
        }
        return new Result(created, changes.size(), growth.size());
    }

    /**
     * The configs to set so the topic matches its spec. A cleanup policy that already includes compaction (say,
     * {@code compact,delete}) is left as it is: someone chose it on purpose, and it keeps the latest value per key.
     */
    private static List<AlterConfigOp> missingConfigs(Topics.TopicSpec spec, Config current) {
        List<AlterConfigOp> missing = new ArrayList<>();
        ConfigEntry policy = current.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (spec.compacted() && (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            missing.add(set(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        spec.settings().forEach((name, value) -> {
            ConfigEntry entry = current.get(name);
            if (entry == null || !value.equals(entry.value())) {
                missing.add(set(name, value));
            }
        });
        return missing;
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /**
     * Describes the topics, waiting while the broker does not host one yet: a topic another client created a moment
     * ago may still be on its way into the broker's metadata (seen on a loaded machine).
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return await(admin.describeTopics(names).allTopicNames(), "describing topics");
            } catch (StackException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static NewTopic newTopic(Topics.TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(spec.settings());
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(configs);
    }

    /** The future's value; a {@link TopicExistsException} is rethrown as is, anything else as a StackException. */
    private static <T> T await(KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException exists) {
                throw exists;
            }
            throw new StackException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StackException(what + " timed out after " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
