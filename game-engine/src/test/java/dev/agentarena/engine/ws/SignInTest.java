package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.AbandonUserPayload;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.CreateUserPayload;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.RenameUserPayload;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.WsTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Sign-in over {@code /api/session} (and a sign-in that timed out), the handshake's token and Origin checks, guests,
 * renames, and sign-out turning open connections into guests, against a real Kafka broker; this test plays the persistence service.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SignInTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @TestHTTPResource("/api/session")
    URI session;

    @Inject
    MeterRegistry meters;

    private KafkaTestClient kafka;
    private final ExecutorService http = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS);
    }

    @AfterEach
    void close() {
        kafka.close();
        http.shutdownNow();
    }

    @Test
    void signingInReturnsTheTokenOnceAsBodyAndCookieAndTheHandshakeAcceptsEitherButNoUrlToken() throws Exception {
        Future<Response> answer = http.submit(() -> RestAssured.given().contentType("application/json")
                .body("{\"name\":\"  Ada  \"}").post(session));
        PersistenceCommand create = awaitCommand(CommandType.CREATE_USER);
        CreateUserPayload payload = Json.convert(create.payload(), CreateUserPayload.class);
        assertThat(payload.name()).isEqualTo("  Ada  ");
        UserRecord ada = new UserRecord(MessageSchema.CURRENT, create.entityId(), "Ada", false,
                Map.of("theme", "dark", "notifications", true), Instant.now(), 1);
        answer(PersistenceResult.ok(create, Json.toTree(ada)));

        Response response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = Json.mapper().readTree(response.body().asString());
        String token = body.path("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        // The command carried the token's hash, never the token.
        assertThat(payload.tokenHash()).isEqualTo(TokenGrant.hashOf(token));
        assertThat(Json.write(create)).doesNotContain(token);
        assertThat(body.path("user").path("id").asText()).isEqualTo(ada.id());
        assertThat(body.path("user").path("name").asText()).isEqualTo("Ada");
        String cookie = response.header("Set-Cookie");
        assertThat(cookie).startsWith("arena_session=" + token + ";").contains("HttpOnly", "SameSite=Strict", "Path=/");

        try (WsTestClient byCookie = WsTestClient.connect(ws(world), Map.of("Cookie", "other=1; arena_session=" + token));
             WsTestClient byBearer = WsTestClient.connect(ws(world), Map.of("Authorization", "Bearer " + token));
             WsTestClient byUrl = WsTestClient.connect(ws(world) + "?token=" + token + "&access_token=" + token)) {
            for (WsTestClient signedIn : List.of(byCookie, byBearer)) {
                JsonNode user = signedIn.awaitType("welcome", WAIT).path("user");
                assertThat(user.path("id").asText()).isEqualTo(ada.id());
                assertThat(user.path("username").asText()).isEqualTo("Ada");
                assertThat(user.path("guest").asBoolean()).isFalse();
            }
            assertThat(byUrl.awaitType("welcome", WAIT).path("user").path("guest").asBoolean()).isTrue();
        }
    }

    @Test
    void aBadOrTakenNameIsAnHttpErrorNamingItsCode() throws Exception {
        Future<Response> bad = http.submit(() -> RestAssured.given().contentType("application/json")
                .body("{\"name\":\"\"}").post(session));
        PersistenceCommand invalid = awaitCommand(CommandType.CREATE_USER);
        answer(PersistenceResult.failed(invalid, ResultStatus.INVALID, "the user is not valid",
                List.of(new FieldError("/name", "REQUIRED", "a user needs a name"))));
        Response refused = bad.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(refused.body().asString());
        assertThat(error.path("code").asText()).isEqualTo("INVALID_NAME");
        assertThat(error.path("errors").get(0).path("path").asText()).isEqualTo("/name");
        assertThat(refused.header("Set-Cookie")).isNull();

        Future<Response> taken = http.submit(() -> RestAssured.given().contentType("application/json")
                .body("{\"name\":\"ada\"}").post(session));
        PersistenceCommand conflict = awaitCommand(CommandType.CREATE_USER);
        answer(PersistenceResult.failed(conflict, ResultStatus.CONFLICT, "the name ada is taken", List.of()));
        Response clash = taken.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(Json.mapper().readTree(clash.body().asString()).path("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void guestsAndGarbageTokensWatchButCannotSaveOrDelete() {
        try (WsTestClient guest = WsTestClient.connect(ws(world));
             WsTestClient garbage = WsTestClient.connect(ws(world), Map.of("Authorization", "Bearer not-a-token"));
             WsTestClient emptyBearer = WsTestClient.connect(ws(world), Map.of("Authorization", "Bearer "))) {
            for (WsTestClient client : List.of(guest, garbage, emptyBearer)) {
                assertThat(client.awaitType("welcome", WAIT).path("user").path("guest").asBoolean()).isTrue();
                client.send("{\"type\":\"list_configs\",\"requestId\":\"l1\"}");
                assertThat(client.awaitType("config_list", WAIT).path("requestId").asText()).isEqualTo("l1");
                assertForbiddenToGuests(client, "{\"type\":\"save_config\",\"requestId\":\"g1\",\"config\":{\"name\":\"Mine\",\"settings\":{}}}");
                assertForbiddenToGuests(client, "{\"type\":\"delete_config\",\"requestId\":\"g2\",\"configId\":\"x\",\"version\":1}");
                assertForbiddenToGuests(client, "{\"type\":\"delete_behavior\",\"requestId\":\"g3\",\"behaviorId\":\"x\",\"version\":1}");
            }
        }
        assertThat(catchThrowable(() -> kafka.awaitRecord(r -> true, Duration.ofSeconds(1))))
                .as("no guest command reaches Kafka").isInstanceOf(AssertionError.class);
    }

    @Test
    void signingOutRevokesTheTokenAndTurnsItsOpenConnectionsIntoGuestsAtOnce() throws Exception {
        TestUsers.SignedIn grace = TestUsers.signIn(kafka, "grace");
        try (WsTestClient open = WsTestClient.connect(ws(world), grace.bearer())) {
            assertThat(open.awaitType("welcome", WAIT).path("user").path("guest").asBoolean()).isFalse();
            Future<Response> signOut = http.submit(() -> RestAssured.given()
                    .header("Cookie", "arena_session=" + grace.token()).delete(session));
            PersistenceCommand revoke = awaitCommand(CommandType.REVOKE_TOKEN);
            assertThat(revoke.userId()).isEqualTo(grace.id());
            answer(PersistenceResult.ok(revoke, Json.toTree(new UserRecord(MessageSchema.CURRENT, grace.id(), "grace",
                    false, Map.of(), Instant.now(), 2))));
            Response response = signOut.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.header("Set-Cookie")).startsWith("arena_session=;").contains("Max-Age=0", "HttpOnly");

            JsonNode signedOut = open.awaitType("signed_out", WAIT);
            assertThat(signedOut.path("user").path("guest").asBoolean()).isTrue();
            assertThat(signedOut.path("message").asText()).contains("POST /api/session");
            assertForbiddenToGuests(open, "{\"type\":\"save_config\",\"requestId\":\"after\",\"config\":{\"name\":\"Late\",\"settings\":{}}}");
        }
        try (WsTestClient again = WsTestClient.connect(ws(world), grace.bearer())) {
            assertThat(again.awaitType("welcome", WAIT).path("user").path("guest").asBoolean()).isTrue();
        }
    }

    @Test
    void aTokenRevokedElsewhereTurnsAnOpenConnectionIntoAGuest() {
        TestUsers.SignedIn linus = TestUsers.signIn(kafka, "linus");
        try (WsTestClient open = WsTestClient.connect(ws(world), linus.bearer())) {
            assertThat(open.awaitType("welcome", WAIT).path("user").path("id").asText()).isEqualTo(linus.id());
            TestUsers.revoke(kafka, linus);
            assertThat(open.awaitType("signed_out", WAIT).path("user").path("guest").asBoolean()).isTrue();
            assertForbiddenToGuests(open, "{\"type\":\"save_config\",\"requestId\":\"r1\",\"config\":{\"name\":\"No\",\"settings\":{}}}");
        }
    }

    @Test
    void aForeignOriginIsRefusedWith403BeforeTheUpgradeAndTheEnginesOwnIsWelcome() {
        for (String origin : List.of("http://evil.example", "null", "file://", "http://localhost:1")) {
            Throwable refused = catchThrowable(() -> WsTestClient.connect(ws(world), Map.of("Origin", origin)));
            assertThat(refused).as(origin).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).as(origin).isEqualTo(403);
        }
        String own = "http://" + world.getHost() + ":" + world.getPort();
        try (WsTestClient sameSite = WsTestClient.connect(ws(world), Map.of("Origin", own))) {
            assertThat(sameSite.awaitType("welcome", WAIT).path("type").asText()).isEqualTo("welcome");
        }
        assertThat(RestAssured.given().header("Origin", "http://evil.example").contentType("application/json")
                .body("{\"name\":\"csrf\"}").post(session).statusCode()).isEqualTo(403);
    }

    @Test
    void aSignInAnsweredTimeoutWhoseUserIsCreatedLateGivesThatUserUpSoItsNameIsFree() throws Exception {
        double abandonedBefore = unclaimed("ABANDONED");
        Future<Response> answer = http.submit(() -> RestAssured.given().contentType("application/json")
                .body("{\"name\":\"Slowpoke\"}").post(session));
        PersistenceCommand create = awaitCommand(CommandType.CREATE_USER);
        Response timedOut = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(timedOut.statusCode()).isEqualTo(504);
        assertThat(Json.mapper().readTree(timedOut.body().asString()).path("code").asText()).isEqualTo("TIMEOUT");
        assertThat(timedOut.header("Set-Cookie")).isNull();

        // The create was applied after all: a user whose token nobody got. The engine gives it up.
        String tokenHash = Json.convert(create.payload(), CreateUserPayload.class).tokenHash();
        answer(PersistenceResult.ok(create, Json.toTree(new UserRecord(MessageSchema.CURRENT, create.entityId(), "Slowpoke",
                false, Map.of(), Instant.now(), 1))));
        PersistenceCommand abandon = awaitCommand(CommandType.ABANDON_USER);
        assertThat(abandon.entityId()).isEqualTo(create.entityId());
        AbandonUserPayload which = Json.convert(abandon.payload(), AbandonUserPayload.class);
        assertThat(which.createCommandId()).isEqualTo(create.commandId());
        assertThat(which.tokenHash()).isEqualTo(tokenHash);
        answer(PersistenceResult.ok(abandon, Json.mapper().createObjectNode().put("id", create.entityId())));
        assertThat(Polling.until(() -> unclaimed("ABANDONED"), count -> count == abandonedBefore + 1, WAIT))
                .as("abandoned users counted").isEqualTo(abandonedBefore + 1);

        // A late refusal made no user: nothing to give up.
        Future<Response> again = http.submit(() -> RestAssured.given().contentType("application/json")
                .body("{\"name\":\"Slowpoke\"}").post(session));
        PersistenceCommand second = awaitCommand(CommandType.CREATE_USER);
        assertThat(again.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(504);
        answer(PersistenceResult.failed(second, ResultStatus.CONFLICT, "the name Slowpoke is taken", List.of()));
        assertThat(catchThrowable(() -> awaitCommand(CommandType.ABANDON_USER, Duration.ofSeconds(2))))
                .as("no ABANDON_USER after a late refusal").isInstanceOf(AssertionError.class);
    }

    @Test
    void aRenameReachesTheAskerTheUsersOtherConnectionsAndTheNextWelcome() {
        TestUsers.SignedIn hedy = TestUsers.signIn(kafka, "hedy");
        try (WsTestClient asker = WsTestClient.connect(ws(world), hedy.bearer());
             WsTestClient otherTab = WsTestClient.connect(ws(world), hedy.bearer())) {
            asker.awaitType("welcome", WAIT);
            otherTab.awaitType("welcome", WAIT);
            asker.send("{\"type\":\"rename_user\",\"requestId\":\"n1\",\"name\":\"  Hedy L  \"}");
            PersistenceCommand rename = awaitCommand(CommandType.RENAME_USER);
            assertThat(rename.userId()).isEqualTo(hedy.id());
            assertThat(rename.entityId()).isEqualTo(hedy.id());
            // Persistence judges and trims the name, as at sign-in.
            assertThat(Json.convert(rename.payload(), RenameUserPayload.class).name()).isEqualTo("  Hedy L  ");
            answer(PersistenceResult.ok(rename, Json.toTree(new UserRecord(MessageSchema.CURRENT, hedy.id(), "Hedy L", false,
                    Map.of("theme", "dark", "notifications", true), Instant.now(), 2))));

            JsonNode renamed = asker.awaitType("user_renamed", WAIT);
            assertThat(renamed.path("requestId").asText()).isEqualTo("n1");
            assertThat(renamed.path("user").path("username").asText()).isEqualTo("Hedy L");
            assertThat(renamed.path("user").path("guest").asBoolean()).isFalse();
            JsonNode told = otherTab.awaitType("user_renamed", WAIT);
            assertThat(told.path("requestId").isNull()).isTrue();
            assertThat(told.path("user").path("username").asText()).isEqualTo("Hedy L");
            asker.send("{\"type\":\"list_configs\",\"requestId\":\"flush\"}");
            asker.await(m -> "flush".equals(m.path("requestId").asText()), WAIT);
            assertThat(asker.history()).filteredOn(m -> "user_renamed".equals(m.path("type").asText()))
                    .as("the asker hears its rename once").hasSize(1);

            // A rename on another engine arrives through the users changelog: open connections show it too.
            kafka.send(Topics.USERS, hedy.id(), Json.write(new UserRecord(MessageSchema.CURRENT, hedy.id(), "Hedy Lamarr",
                    false, Map.of(), Instant.now(), 3)));
            asker.await(m -> "user_renamed".equals(m.path("type").asText())
                    && "Hedy Lamarr".equals(m.path("user").path("username").asText()), WAIT);

            asker.send("{\"type\":\"rename_user\",\"requestId\":\"n2\",\"name\":\"ada\"}");
            answer(PersistenceResult.failed(awaitCommand(CommandType.RENAME_USER), ResultStatus.CONFLICT,
                    "the name ada is taken", List.of()));
            assertThat(asker.await(m -> "n2".equals(m.path("requestId").asText()), WAIT).path("code").asText())
                    .isEqualTo("CONFLICT");
            asker.send("{\"type\":\"rename_user\",\"requestId\":\"n3\",\"name\":\"   \"}");
            answer(PersistenceResult.failed(awaitCommand(CommandType.RENAME_USER), ResultStatus.INVALID,
                    "the user is not valid", List.of(new FieldError("/name", "REQUIRED", "a user needs a name"))));
            JsonNode invalid = asker.await(m -> "n3".equals(m.path("requestId").asText()), WAIT);
            assertThat(invalid.path("code").asText()).isEqualTo("INVALID_NAME");
            assertThat(invalid.path("errors").get(0).path("path").asText()).isEqualTo("/name");
        }
        try (WsTestClient next = WsTestClient.connect(ws(world), hedy.bearer())) {
            assertThat(next.awaitType("welcome", WAIT).path("user").path("username").asText()).isEqualTo("Hedy Lamarr");
        }
        try (WsTestClient guest = WsTestClient.connect(ws(world))) {
            guest.awaitType("welcome", WAIT);
            assertForbiddenToGuests(guest, "{\"type\":\"rename_user\",\"requestId\":\"g1\",\"name\":\"Guest\"}");
        }
        assertThat(catchThrowable(() -> awaitCommand(CommandType.RENAME_USER, Duration.ofSeconds(1))))
                .as("a guest's rename never reaches Kafka").isInstanceOf(AssertionError.class);
    }

    private double unclaimed(String outcome) {
        Counter counter = meters.find("arena.engine.session.unclaimed").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void assertForbiddenToGuests(WsTestClient client, String frame) {
        String requestId = Json.read(frame, JsonNode.class).path("requestId").asText();
        client.send(frame);
        JsonNode error = client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
        assertThat(error.path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(error.path("message").asText()).contains("POST /api/session");
    }

    private PersistenceCommand awaitCommand(CommandType type) {
        return awaitCommand(type, WAIT);
    }

    private PersistenceCommand awaitCommand(CommandType type, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.topic().equals(Topics.PERSISTENCE_COMMANDS)
                && Json.read(r.value(), PersistenceCommand.class).type() == type, timeout);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
    }

    private void answer(PersistenceResult result) {
        kafka.send(Topics.PERSISTENCE_RESULTS, result.commandId(), Json.write(result));
    }

    private static String ws(URI http) {
        return http.toString().replaceFirst("^http", "ws");
    }
}
