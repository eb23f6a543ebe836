package dev.agentarena.persistence.api;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.persistence.entity.BehaviorEntity;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.entity.MatchEntity;
import dev.agentarena.persistence.entity.OwnedEntity;
import dev.agentarena.persistence.entity.UserEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.BehaviorRepository;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.MatchRepository;
import dev.agentarena.persistence.repository.UserRepository;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-only ops API over the real embedded MongoDB: users without secrets, what they own, matches by pages. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class OpsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    UserRepository users;
    @Inject
    ConfigRepository configs;
    @Inject
    BehaviorRepository behaviors;
    @Inject
    MatchRepository matches;

    private final String userId = "ops-" + UUID.randomUUID();

    @BeforeEach
    void ready() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aUserIsShownWithoutItsTokenHashWithTheConfigsAndBehaviorsItOwns() {
        UserEntity user = new UserEntity();
        user.id = userId;
        user.username = "Ops " + userId;
        user.nameKey = user.username.toLowerCase();
        user.tokenHash = "the-secret-token-hash";
        user.settings = new Document("theme", "dark");
        user.createdAt = Instant.now();
        user.lastSeenAt = Instant.parse("2026-12-01T10:00:00.123Z");
        user.version = 2;
        users.persist(user).await().atMost(WAIT);
        configs.persist(config("Zeta"), config("alpha")).await().atMost(WAIT);
        behaviors.persist(behavior("Hunter")).await().atMost(WAIT);

        String shown = RestAssured.get("/api/users/" + userId).then().statusCode(200).extract().asString();
        assertThat(shown).doesNotContain("the-secret-token-hash").doesNotContainIgnoringCase("tokenHash");
        JsonPath json = JsonPath.from(shown);
        assertThat(json.getString("username")).isEqualTo(user.username);
        assertThat(json.getLong("version")).isEqualTo(2);
        assertThat(json.getString("settings.theme")).isEqualTo("dark");
        assertThat(json.getString("lastSeenAt")).isEqualTo("2026-12-01T10:00:00.123Z");

        JsonPath owned = RestAssured.get("/api/users/" + userId + "/configs").then().statusCode(200).extract().jsonPath();
        assertThat(owned.getList("name", String.class)).containsExactly("alpha", "Zeta");
        assertThat(owned.getList("ownerId", String.class)).containsOnly(userId);
        assertThat(owned.getDouble("[0].settings.worldWidth")).isEqualTo(ArenaConfig.defaults().worldWidth());
        JsonPath rules = RestAssured.get("/api/users/" + userId + "/behaviors").then().statusCode(200).extract().jsonPath();
        assertThat(rules.getList("name", String.class)).containsExactly("Hunter");
        assertThat(rules.getList("document.rules[0].name", String.class)).containsExactly("ROAM");

        RestAssured.get("/api/users/nobody-" + userId).then().statusCode(404);
        RestAssured.get("/api/users/nobody-" + userId + "/configs").then().statusCode(404);
        // The default user is there from the start, with the default config.
        assertThat(RestAssured.get("/api/users/" + DefaultEntities.DEFAULT_USER_ID + "/configs").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class)).contains(DefaultEntities.DEFAULT_CONFIG_ID);
    }

    @Test
    void usersComeInPagesByIdAndNoneCarriesASecret() {
        for (int i = 0; i < 3; i++) {
            UserEntity user = new UserEntity();
            user.id = userId + "-" + i;
            user.username = user.id;
            user.nameKey = user.id;
            user.tokenHash = "hash-" + i;
            user.createdAt = Instant.now();
            users.persist(user).await().atMost(WAIT);
        }
        String after = null;
        List<String> seen = new ArrayList<>();
        do {
            var request = RestAssured.given().queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            String body = request.get("/api/users").then().statusCode(200).extract().asString();
            assertThat(body).doesNotContain("hash-");
            JsonPath page = JsonPath.from(body);
            assertThat(page.getList("users")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("users.id", String.class));
            after = page.getString("nextCursor");
        } while (after != null);
        assertThat(seen).isSorted().doesNotHaveDuplicates().contains(userId + "-0", userId + "-1", userId + "-2",
                DefaultEntities.DEFAULT_USER_ID);
        RestAssured.given().queryParam("limit", 101).get("/api/users").then().statusCode(400);
    }

    @Test
    void matchesComeNewestFirstInPagesAndABadQueryIsRefusedNamingItsField() {
        String world = "ops-w-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        for (int n = 1; n <= 3; n++) {
            MatchResult result = new MatchResult(MessageSchema.CURRENT, MatchResult.TYPE, "e" + n + "-" + world, world,
                    "default", 1, start.plusSeconds(600L * n), start.plusSeconds(600L * n + 300), 0,
                    List.of(new MatchResult.TeamResult(0, n, 0, 5)), List.of());
            MatchEntity match = new MatchEntity();
            match.eventId = result.eventId();
            match.worldId = world;
            match.endedAt = result.endedAt();
            match.result = EntityMapper.toDocument(result);
            matches.persist(match).await().atMost(WAIT);
        }
        JsonPath first = RestAssured.given().queryParam("worldId", world).queryParam("limit", 2).get("/api/matches")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("matches.eventId", String.class)).containsExactly("e3-" + world, "e2-" + world);
        assertThat(first.getInt("matches[0].teams[0].kills")).isEqualTo(3);
        JsonPath last = RestAssured.given().queryParam("worldId", world).queryParam("before", first.getString("nextCursor"))
                .get("/api/matches").then().statusCode(200).extract().jsonPath();
        assertThat(last.getList("matches.eventId", String.class)).containsExactly("e1-" + world);
        assertThat(last.getString("nextCursor")).isNull();

        JsonPath tooMany = RestAssured.given().queryParam("limit", 51).get("/api/matches").then().statusCode(400)
                .extract().jsonPath();
        assertThat(tooMany.getList("errors.path", String.class)).containsExactly("/limit");
        JsonPath badCursor = RestAssured.given().queryParam("before", "nope").get("/api/matches").then().statusCode(400)
                .extract().jsonPath();
        assertThat(badCursor.getList("errors.path", String.class)).containsExactly("/before");
    }

    @Test
    void theOpenApiDocumentListsTheReadPathsAndNoWrites() {
        String openApi = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonPath paths = JsonPath.from(openApi);
        assertThat(paths.getMap("paths")).containsKeys("/api/users", "/api/users/{userId}",
                "/api/users/{userId}/configs", "/api/users/{userId}/behaviors", "/api/matches");
        assertThat(openApi).doesNotContain("\"post\"", "\"put\"", "\"delete\"", "tokenHash");
    }

    private ConfigEntity config(String name) {
        ConfigEntity config = owned(new ConfigEntity());
        config.name = name;
        config.settings = EntityMapper.toDocument(ArenaConfig.defaults());
        return config;
    }

    private BehaviorEntity behavior(String name) {
        BehaviorEntity behavior = owned(new BehaviorEntity());
        behavior.name = name;
        behavior.document = Document.parse(Json.write(Json.tree("{\"schemaVersion\":1,\"name\":\"" + name
                + "\",\"rules\":[{\"name\":\"ROAM\",\"condition\":\"true\",\"steer\":[{\"primitive\":\"wander\",\"weight\":1}]}]}")));
        return behavior;
    }

    /** {@code entity} as a first version owned by this test's user. */
    private <E extends OwnedEntity> E owned(E entity) {
        entity.id = UUID.randomUUID().toString();
        entity.ownerId = userId;
        entity.version = 1;
        entity.updatedAt = Instant.now();
        return entity;
    }
}
