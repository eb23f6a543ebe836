package dev.agentarena.local;

import dev.agentarena.contracts.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates every topic of {@link Topics#ALL} that does not exist yet; existing topics are left as they are. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Returns how many topics were created (0 when all existed). */
    public static int ensure(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int created = 0;
            for (Topics.TopicSpec spec : Topics.ALL) {
                NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty());
                if (spec.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("creating topic " + spec.name() + " failed: " + e.getCause().getMessage(), e);
                    }
                } catch (TimeoutException e) {
                    throw new StackException("creating topic " + spec.name() + " timed out", e);
                }
            }
            return created;
        }
    }
}
