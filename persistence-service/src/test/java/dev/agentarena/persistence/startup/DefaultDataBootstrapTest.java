package dev.agentarena.persistence.startup;

import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.UserRepository;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class DefaultDataBootstrapTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DefaultDataBootstrap bootstrap;
    @Inject
    UserRepository users;
    @Inject
    ConfigRepository configs;

    /** Three replicas starting at once (three concurrent bootstraps on one database) make one of each. */
    @Test
    void concurrentBootstrapsCreateOneDefaultUserAndOneDefaultConfig() {
        Uni.combine().all().unis(bootstrap.run(), bootstrap.run(), bootstrap.run()).discardItems().await().atMost(WAIT);
        assertThat(users.count("username", DefaultEntities.DEFAULT_USERNAME).await().atMost(WAIT)).isEqualTo(1);
        assertThat(configs.count("isDefault", true).await().atMost(WAIT)).isEqualTo(1);
        assertThat(bootstrap.isDone()).isTrue();
    }
}
