package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.kafka.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tells whether the views have read the changelogs up to where they ended when the engine started, so the
 * engine reports ready only when a read cannot miss data that existed before it.
 */
@ApplicationScoped
public class ChangelogProgress {

    private static final Logger LOG = Logger.getLogger(ChangelogProgress.class);
    private static final List<String> CHANGELOGS = List.of(Topics.CONFIGS, Topics.USERS, Topics.BEHAVIORS,
            Topics.USER_TOKENS);

    private final String bootstrapServers;
    /** Offset of the next record each partition must deliver before the views are caught up. */
    private final Map<TopicPartition, Long> targets = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> reached = new ConcurrentHashMap<>();
    private volatile boolean targetsKnown;
    private volatile boolean caughtUp;

    public ChangelogProgress(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        Thread reader = new Thread(this::readTargets, "changelog-end-offsets");
        reader.setDaemon(true);
        reader.start();
    }

    /** Records that {@code offset} of {@code partition} has been applied to a view. */
    public void applied(String topic, int partition, long offset) {
        reached.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        if (targetsKnown && targets.entrySet().stream()
                .allMatch(target -> reached.getOrDefault(target.getKey(), 0L) >= target.getValue())) {
            caughtUp = true;
        }
        return caughtUp;
    }

    private void readTargets() {
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        while (!targetsKnown) {
            try (Admin admin = Admin.create(settings)) {
                Map<String, TopicDescription> topics = admin.describeTopics(CHANGELOGS).allTopicNames().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> request = topics.values().stream()
                        .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                admin.listOffsets(request).all().get(10, TimeUnit.SECONDS)
                        .forEach((partition, info) -> targets.put(partition, info.offset()));
                targetsKnown = true;
            } catch (Exception e) {
                LOG.warnf("reading the changelogs' end offsets failed, retrying: %s", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
