package dev.agentarena.persistence.startup;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.entity.UserEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.messaging.ChangelogPublisher;
import dev.agentarena.persistence.repository.BehaviorRepository;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.MatchRepository;
import dev.agentarena.persistence.repository.StoreErrors;
import dev.agentarena.persistence.repository.UserRepository;
import dev.agentarena.persistence.service.BehaviorCommandService;
import dev.agentarena.persistence.service.CommandOutcome.ChangelogChange;
import dev.agentarena.persistence.service.ConfigCommandService;
import dev.agentarena.persistence.service.UserCommandService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At start: creates the indexes, the default user and the default config (fixed ids, so replicas starting
 * at once create one of each), then republishes every user (and token hash), config and behavior on the changelogs so that
 * engines can rebuild their views even from an emptied Kafka. Retries in the background until MongoDB answers.
 */
@ApplicationScoped
public class DefaultDataBootstrap {

    private static final Logger LOG = Logger.getLogger(DefaultDataBootstrap.class);

    private final UserRepository users;
    private final ConfigRepository configs;
    private final BehaviorRepository behaviors;
    private final MatchRepository matches;
    private final ConfigCommandService configCommands;
    private final BehaviorCommandService behaviorCommands;
    private final ChangelogPublisher changelog;
    private final AtomicBoolean done = new AtomicBoolean();

    public DefaultDataBootstrap(UserRepository users, ConfigRepository configs, BehaviorRepository behaviors, MatchRepository matches,
                                ConfigCommandService configCommands, BehaviorCommandService behaviorCommands,
                                ChangelogPublisher changelog) {
        this.users = users;
        this.configs = configs;
        this.behaviors = behaviors;
        this.matches = matches;
        this.configCommands = configCommands;
        this.behaviorCommands = behaviorCommands;
        this.changelog = changelog;
    }

    void onStart(@Observes StartupEvent event) {
        run().onFailure().invoke(failure -> LOG.warnf("bootstrap of default data failed, retrying: %s", failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(ignored -> {
                    done.set(true);
                    LOG.info("default user and config ready; changelogs republished");
                });
    }

    public boolean isDone() {
        return done.get();
    }

    Uni<Void> run() {
        return users.ensureIndexes()
                .chain(configCommands::ensureIndexes)
                .chain(behaviorCommands::ensureIndexes)
                .chain(matches::ensureIndexes)
                .chain(() -> insertIfAbsent(users.persist(defaultUser())))
                .chain(() -> insertIfAbsent(configs.persist(defaultConfig())))
                .chain(this::republish);
    }

    private Uni<Void> republish() {
        Uni<Void> allUsers = users.streamAll()
                .onItem().transformToUniAndConcatenate(user -> changelog.publish(
                        ChangelogChange.upsert(Topics.USERS, user.id, EntityMapper.toRecord(user))).replaceWith(user))
                .filter(user -> user.tokenHash != null)
                .onItem().transformToUniAndConcatenate(user -> changelog.publish(UserCommandService.grant(user)))
                .collect().last().replaceWithVoid();
        Uni<Void> allConfigs = configs.streamAll()
                .onItem().transformToUniAndConcatenate(config -> changelog.publish(configCommands.changeOf(config)))
                .collect().last().replaceWithVoid();
        Uni<Void> allBehaviors = behaviors.streamAll()
                .onItem().transformToUniAndConcatenate(behavior -> changelog.publish(behaviorCommands.changeOf(behavior)))
                .collect().last().replaceWithVoid();
        return allUsers.chain(() -> allConfigs).chain(() -> allBehaviors);
    }

    private static <T> Uni<Void> insertIfAbsent(Uni<T> insert) {
        return insert.replaceWithVoid()
                .onFailure(StoreErrors::isDuplicateKey)
                .recoverWithNull();
    }

    private static UserEntity defaultUser() {
        UserEntity user = new UserEntity();
        user.id = DefaultEntities.DEFAULT_USER_ID;
        user.username = DefaultEntities.DEFAULT_USERNAME;
        user.nameKey = UserCommandService.nameKey(user.username);
        user.isDefault = true;
        user.settings = UserCommandService.defaultSettings();
        user.createdAt = Instant.now();
        user.version = 1;
        return user;
    }

    private static ConfigEntity defaultConfig() {
        ConfigEntity config = new ConfigEntity();
        config.id = DefaultEntities.DEFAULT_CONFIG_ID;
        config.ownerId = DefaultEntities.DEFAULT_USER_ID;
        config.name = DefaultEntities.DEFAULT_CONFIG_NAME;
        config.isDefault = true;
        config.version = 1;
        config.updatedAt = Instant.now();
        config.settings = EntityMapper.toDocument(ArenaConfig.defaults());
        return config;
    }
}
