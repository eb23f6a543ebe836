package dev.agentarena.persistence;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.AbandonUserPayload;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.CreateUserPayload;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.RenameUserPayload;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.persistence.entity.UserEntity;
import dev.agentarena.persistence.repository.ProcessedCommandRepository;
import dev.agentarena.persistence.repository.UserRepository;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Users and tokens over real Kafka and MongoDB: the token is answered once, only its hash is kept and published. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class UserCommandsTest {

    @Inject
    UserRepository users;
    @Inject
    ProcessedCommandRepository processed;

    private CommandChannel channel;

    @BeforeEach
    void connect() {
        channel = new CommandChannel(Topics.USERS, Topics.USER_TOKENS);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void createKeepsTheTokensHashAndNoAnswerOrRecordCarriesIt() {
        String name = uniqueName("Ada");
        // The engine's part: it makes the token and sends only its hash.
        String token = TokenGrant.newToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        PersistenceCommand create = createUser("  " + name + "  ", TokenGrant.hashOf(token));
        PersistenceResult created = channel.execute(create);
        assertThat(created.status()).isEqualTo(ResultStatus.OK);
        String userId = created.entity().path("id").asText();
        assertThat(created.entity().path("username").asText()).isEqualTo(name);
        assertThat(Json.write(created)).doesNotContain(token).doesNotContain(TokenGrant.hashOf(token));

        UserEntity stored = users.findById(userId).await().atMost(CommandChannel.WAIT);
        assertThat(stored.tokenHash).isEqualTo(TokenGrant.hashOf(token));
        assertThat(stored.settings.getString("theme")).isEqualTo("dark");
        assertThat(stored.settings.getBoolean("notifications")).isTrue();
        assertThat(stored.isDefault).isFalse();
        assertThat(stored.createdAt).isNotNull();
        assertThat(stored.lastSeenAt).isNotNull();
        assertThat(processed.findById(create.commandId()).await().atMost(CommandChannel.WAIT).result).doesNotContain(token);

        ConsumerRecord<String, String> grant = channel.await(r -> r.topic().equals(Topics.USER_TOKENS) && stored.tokenHash.equals(r.key()));
        assertThat(CommandChannel.tree(grant).path("userId").asText()).isEqualTo(userId);
        ConsumerRecord<String, String> changelog = channel.await(r -> r.topic().equals(Topics.USERS) && userId.equals(r.key()));
        assertThat(changelog.value()).doesNotContain(stored.tokenHash).doesNotContain(token).doesNotContain("tokenHash");

        // A redelivered create is the same user with the same token.
        PersistenceResult again = channel.execute(create);
        assertThat(again.status()).isEqualTo(ResultStatus.OK);
        assertThat(again.entity().path("id").asText()).isEqualTo(userId);
        assertThat(users.findById(userId).await().atMost(CommandChannel.WAIT).tokenHash).isEqualTo(TokenGrant.hashOf(token));
        assertThat(users.count("nameKey", name.toLowerCase()).await().atMost(CommandChannel.WAIT)).isEqualTo(1);
    }

    @Test
    void namesAreUniqueIgnoringCaseAndBounded() {
        String name = uniqueName("Grace");
        assertThat(channel.execute(createUser(name)).status()).isEqualTo(ResultStatus.OK);
        PersistenceResult taken = channel.execute(createUser(name.toUpperCase()));
        assertThat(taken.status()).isEqualTo(ResultStatus.CONFLICT);
        assertThat(taken.message()).contains("taken");

        assertThat(channel.execute(createUser("x".repeat(41))).errors()).extracting(e -> e.code()).containsExactly("TOO_LONG");
        assertThat(channel.execute(createUser("   ")).errors()).extracting(e -> e.code()).containsExactly("REQUIRED");
        assertThat(channel.execute(createUser("é".repeat(40))).status()).isEqualTo(ResultStatus.OK);
        assertThat(channel.execute(createUser(uniqueName("Tokenless"), null)).errors()).extracting(e -> e.code())
                .containsExactly("BAD_TOKEN_HASH");
        assertThat(channel.execute(createUser(uniqueName("Raw"), TokenGrant.newToken() + "!")).errors())
                .extracting(e -> e.path()).containsExactly("/tokenHash");
    }

    @Test
    void renameAndRevokeAreTheUsersOwn() {
        String hash = TokenGrant.hashOf(TokenGrant.newToken());
        PersistenceResult created = channel.execute(createUser(uniqueName("Linus"), hash));
        String userId = created.entity().path("id").asText();
        String other = channel.execute(createUser(uniqueName("Other"))).entity().path("id").asText();

        String newName = uniqueName("Renamed");
        PersistenceResult renamed = channel.execute(CommandChannel.command(CommandType.RENAME_USER, userId, userId, 1L,
                new RenameUserPayload(newName)));
        assertThat(renamed.status()).isEqualTo(ResultStatus.OK);
        assertThat(renamed.entity().path("username").asText()).isEqualTo(newName);
        assertThat(renamed.entity().path("version").asLong()).isEqualTo(2);

        PersistenceResult byOther = channel.execute(CommandChannel.command(CommandType.RENAME_USER, other, userId, 2L,
                new RenameUserPayload(uniqueName("Hijack"))));
        assertThat(byOther.status()).isEqualTo(ResultStatus.FORBIDDEN);
        PersistenceResult otherRevokes = channel.execute(CommandChannel.command(CommandType.REVOKE_TOKEN, other, userId, null, null));
        assertThat(otherRevokes.status()).isEqualTo(ResultStatus.FORBIDDEN);
        PersistenceResult theDefault = channel.execute(CommandChannel.command(CommandType.RENAME_USER, "default_user", "default_user",
                null, new RenameUserPayload(uniqueName("Root"))));
        assertThat(theDefault.status()).isEqualTo(ResultStatus.FORBIDDEN);

        PersistenceResult revoked = channel.execute(CommandChannel.command(CommandType.REVOKE_TOKEN, userId, userId, null, null));
        assertThat(revoked.status()).isEqualTo(ResultStatus.OK);
        channel.await(r -> r.topic().equals(Topics.USER_TOKENS) && hash.equals(r.key()) && r.value() == null);
        assertThat(users.findById(userId).await().atMost(CommandChannel.WAIT).tokenHash).isNull();
    }

    @Test
    void abandoningAnUnclaimedUserFreesItsNameAndTokenButAnAccountInUseIsKept() {
        String name = uniqueName("Late");
        String hash = TokenGrant.hashOf(TokenGrant.newToken());
        String userId = UUID.randomUUID().toString();
        PersistenceCommand create = CommandChannel.command(CommandType.CREATE_USER, null, userId, null,
                new CreateUserPayload(name, hash));
        assertThat(channel.execute(create).status()).isEqualTo(ResultStatus.OK);

        // Someone else's hash or another command's id: not the user that create made, so it is kept.
        PersistenceResult wrongHash = channel.execute(abandon(userId, create.commandId(), TokenGrant.hashOf(TokenGrant.newToken())));
        assertThat(wrongHash.status()).isEqualTo(ResultStatus.CONFLICT);
        PersistenceResult wrongCreate = channel.execute(abandon(userId, UUID.randomUUID().toString(), hash));
        assertThat(wrongCreate.status()).isEqualTo(ResultStatus.CONFLICT);
        assertThat(users.findById(userId).await().atMost(CommandChannel.WAIT)).isNotNull();

        PersistenceCommand abandon = abandon(userId, create.commandId(), hash);
        PersistenceResult abandoned = channel.execute(abandon);
        assertThat(abandoned.status()).isEqualTo(ResultStatus.OK);
        assertThat(abandoned.entity().path("id").asText()).isEqualTo(userId);
        assertThat(users.findById(userId).await().atMost(CommandChannel.WAIT)).isNull();
        channel.await(r -> r.topic().equals(Topics.USER_TOKENS) && hash.equals(r.key()) && r.value() == null);
        channel.await(r -> r.topic().equals(Topics.USERS) && userId.equals(r.key()) && r.value() == null);
        // Redelivered, or asked again by another engine: nothing left to do, the same answer.
        assertThat(channel.execute(abandon).status()).isEqualTo(ResultStatus.OK);
        assertThat(channel.execute(abandon(userId, create.commandId(), hash)).status()).isEqualTo(ResultStatus.OK);
        // The name is free again, in any case.
        assertThat(channel.execute(createUser(name.toUpperCase())).status()).isEqualTo(ResultStatus.OK);

        // A user who renamed themself (so someone holds the token) is never abandoned.
        String usedHash = TokenGrant.hashOf(TokenGrant.newToken());
        String usedId = UUID.randomUUID().toString();
        PersistenceCommand usedCreate = CommandChannel.command(CommandType.CREATE_USER, null, usedId, null,
                new CreateUserPayload(uniqueName("Used"), usedHash));
        assertThat(channel.execute(usedCreate).status()).isEqualTo(ResultStatus.OK);
        assertThat(channel.execute(CommandChannel.command(CommandType.RENAME_USER, usedId, usedId, 1L,
                new RenameUserPayload(uniqueName("Used")))).status()).isEqualTo(ResultStatus.OK);
        assertThat(channel.execute(abandon(usedId, usedCreate.commandId(), usedHash)).status()).isEqualTo(ResultStatus.CONFLICT);
        assertThat(users.findById(usedId).await().atMost(CommandChannel.WAIT)).isNotNull();
        assertThat(channel.execute(abandon(DefaultEntities.DEFAULT_USER_ID, create.commandId(), hash)).status())
                .isEqualTo(ResultStatus.CONFLICT);
    }

    @Test
    void aGuestCannotRenameOrRevoke() {
        PersistenceResult result = channel.execute(CommandChannel.command(CommandType.REVOKE_TOKEN, null, null, null, null));
        assertThat(result.status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(result.message()).contains("sign in");
    }

    private static PersistenceCommand abandon(String userId, String createCommandId, String tokenHash) {
        return CommandChannel.command(CommandType.ABANDON_USER, null, userId, null,
                new AbandonUserPayload(createCommandId, tokenHash));
    }

    @Test
    void markSeenMovesLastSeenForwardNeverBackAndOnlyForTheUserItself() {
        String userId = channel.execute(createUser(uniqueName("Seen"))).entity().path("id").asText();
        String other = channel.execute(createUser(uniqueName("Watcher"))).entity().path("id").asText();
        Instant later = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);

        PersistenceCommand seen = markSeen(userId, userId, later);
        assertThat(channel.execute(seen).status()).isEqualTo(ResultStatus.OK);
        assertThat(lastSeenOf(userId)).isEqualTo(later);
        // A redelivery, and an engine reporting an earlier sighting late, leave it where it is.
        assertThat(channel.execute(seen).status()).isEqualTo(ResultStatus.OK);
        assertThat(channel.execute(markSeen(userId, userId, later.minusSeconds(30))).status()).isEqualTo(ResultStatus.OK);
        assertThat(lastSeenOf(userId)).isEqualTo(later);
        // No version, no changelog record: nothing an engine needs.
        assertThat(users.findById(userId).await().atMost(CommandChannel.WAIT).version).isEqualTo(1);

        assertThat(channel.execute(markSeen(other, userId, later.plusSeconds(1))).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(channel.execute(markSeen(null, userId, later.plusSeconds(1))).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(channel.execute(markSeen("nobody-" + userId, "nobody-" + userId, later)).status()).isEqualTo(ResultStatus.NOT_FOUND);
        assertThat(lastSeenOf(userId)).isEqualTo(later);
    }

    private static PersistenceCommand markSeen(String userId, String seenUserId, Instant at) {
        return new PersistenceCommand(MessageSchema.CURRENT, UUID.randomUUID().toString(), CommandType.MARK_SEEN, userId,
                seenUserId, null, null, at);
    }

    private Instant lastSeenOf(String userId) {
        return users.findById(userId).await().atMost(CommandChannel.WAIT).lastSeenAt;
    }

    private static PersistenceCommand createUser(String name) {
        return createUser(name, TokenGrant.hashOf(TokenGrant.newToken()));
    }

    private static PersistenceCommand createUser(String name, String tokenHash) {
        return CommandChannel.command(CommandType.CREATE_USER, null, null, null, new CreateUserPayload(name, tokenHash));
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
