package dev.agentarena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.agentarena.local.QuarkusService;
import dev.agentarena.local.Stack;
import dev.agentarena.testing.SignedInUser;
import dev.agentarena.testing.WsTestClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system, every hop real: WebSocket → engine → Kafka → persistence → MongoDB → Kafka → engine,
 * and engine → Kafka → gateway → Kafka → engine; then restarts of the persistence service and the engine, and the
 * launcher restarting a persistence service killed with SIGKILL.
 */
class WholeSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(TestStack.repoRoot(), "e2e");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void configSaveCopilotAndBadInputAcrossRestarts() throws Exception {
        String savedId;
        SignedInUser ada = SignedInUser.signIn(TestStack.worldUrl(stack, "default"), "E2E Ada");
        try (WsTestClient a = WsTestClient.connect(TestStack.worldUrl(stack, "default"), ada.bearer());
             WsTestClient b = WsTestClient.connect(TestStack.worldUrl(stack, "default"))) {
            JsonNode user = a.awaitType("welcome", WAIT).path("user");
            assertThat(user.path("id").asText()).isEqualTo(ada.id());
            assertThat(user.path("username").asText()).isEqualTo("E2E Ada");
            assertThat(user.path("guest").asBoolean()).isFalse();
            assertThat(b.awaitType("welcome", WAIT).path("user").path("guest").asBoolean()).isTrue();

            a.send("{\"type\":\"save_config\",\"requestId\":\"s1\",\"config\":{\"name\":\"E2E arena\","
                    + "\"settings\":{\"worldWidth\":1000,\"teamSize\":3}}}");
            JsonNode saved = a.awaitType("config_saved", WAIT);
            assertThat(saved.path("requestId").asText()).isEqualTo("s1");
            assertThat(saved.path("config").path("version").asLong()).isEqualTo(1);
            savedId = saved.path("config").path("id").asText();
            assertThat(b.awaitType("config_list_changed", WAIT).path("configId").asText()).isEqualTo(savedId);

            a.send("{\"type\":\"llm_query\",\"requestId\":\"q1\",\"query\":\"make red aggressive\",\"context\":{\"panel\":\"game\"}}");
            JsonNode answer = a.awaitType("llm_response", WAIT);
            assertThat(answer.path("requestId").asText()).isEqualTo("q1");
            assertThat(answer.path("offline").asBoolean()).isTrue();
            assertThat(answer.path("text").asText()).contains("Offline composer");
            // The engine forwards the whole answer: a validated document and the checks it went through.
            assertThat(answer.path("behavior").path("rules").isArray()).isTrue();
            assertThat(answer.path("checks").size()).isPositive();

            a.send("{\"type\": \"save_config\", broken");
            assertThat(a.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_JSON");
            a.send("{\"type\":\"list_configs\",\"requestId\":\"after\"}");
            assertThat(a.awaitType("config_list", WAIT).path("requestId").asText()).isEqualTo("after");

            // Replies went to the asker only.
            assertThat(b.history()).noneMatch(m -> m.path("type").asText().matches("config_saved|llm_response|llm_progress|error"));
        }

        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document stored = mongo.getDatabase("agent_game").getCollection("configs").find(Filters.eq("_id", savedId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("name")).isEqualTo("E2E arena");
            assertThat(stored.get("settings", Document.class).get("worldWidth", Number.class).doubleValue()).isEqualTo(1000);
        }

        int persistencePort = stack.persistence().port();
        int enginePort = stack.engine().port();
        stack.stopService(stack.persistence());
        stack.stopService(stack.engine());
        stack.startPersistence(persistencePort);
        stack.startEngine(enginePort);

        // The token outlives an engine restart: the new engine rebuilt its token view from arena.users.tokens.
        try (WsTestClient c = WsTestClient.connect(TestStack.worldUrl(stack, "default"), ada.bearer())) {
            assertThat(c.awaitType("welcome", WAIT).path("user").path("id").asText()).isEqualTo(ada.id());
            // The restarted engine is ready only once its views caught up with the changelogs.
            c.send("{\"type\":\"list_configs\"}");
            JsonNode list = c.awaitType("config_list", WAIT);
            assertThat(list.path("configs").findValuesAsText("name")).contains("Default", "E2E arena");
        }
    }

    @Test
    void aSavedBehaviorIsAssignedToATeamAndDrivesItsAgents() {
        String document = "{\"schemaVersion\":1,\"name\":\"E2E hunter\",\"rules\":["
                + "{\"name\":\"HUNT\",\"condition\":\"nearestEnemy.exists\",\"steer\":["
                + "{\"primitive\":\"pursue\",\"target\":\"nearestEnemy\",\"weight\":1},"
                + "{\"primitive\":\"attack\",\"target\":\"nearestEnemy\",\"weight\":1}]},"
                + "{\"name\":\"ROAM\",\"condition\":\"true\",\"steer\":[{\"primitive\":\"wander\",\"weight\":1}]}]}";
        String id;
        try (WsTestClient a = WsTestClient.connect(TestStack.worldUrl(stack, "default"),
                SignedInUser.signIn(TestStack.worldUrl(stack, "default"), "E2E Hunter").bearer());
             WsTestClient b = WsTestClient.connect(TestStack.worldUrl(stack, "default"))) {
            a.awaitType("welcome", WAIT);
            b.awaitType("welcome", WAIT);

            a.send("{\"type\":\"save_behavior\",\"requestId\":\"b1\",\"behavior\":{\"document\":" + document + "}}");
            JsonNode saved = a.awaitType("behavior_saved", WAIT);
            assertThat(saved.path("requestId").asText()).isEqualTo("b1");
            assertThat(saved.path("behavior").path("version").asLong()).isEqualTo(1);
            id = saved.path("behavior").path("id").asText();
            assertThat(b.awaitType("behavior_list_changed", WAIT).path("behaviorId").asText()).isEqualTo(id);

            a.send("{\"type\":\"assign_behavior\",\"requestId\":\"b2\",\"behaviorId\":\"" + id + "\",\"team\":0}");
            assertThat(a.awaitType("command_accepted", WAIT).path("command").asText()).isEqualTo("set_team_behavior");
            for (WsTestClient viewer : new WsTestClient[] {a, b}) {
                JsonNode assigned = viewer.awaitType("behavior_assigned", WAIT);
                assertThat(assigned.path("behaviorId").asText()).isEqualTo(id);
                assertThat(assigned.path("team").asInt()).isZero();
            }
            a.send("{\"type\":\"start\"}");
            // Every agent of team 0 runs it, and the living ones show one of its rules as their state.
            String assignedId = id;
            a.await(m -> "state".equals(m.path("type").asText()) && teamZeroRuns(m.path("world"), assignedId), WAIT);
        }

        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document stored = mongo.getDatabase("agent_game").getCollection("behaviors").find(Filters.eq("_id", id)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("name")).isEqualTo("E2E hunter");
            assertThat(stored.get("document", Document.class).getList("rules", Document.class)).hasSize(2);
        }
    }

    @Test
    void theCopilotsCheckedAnswerIsAppliedToATeamAndItsAgentsRunIt() {
        String world = TestStack.worldUrl(stack, "default");
        try (WsTestClient a = WsTestClient.connect(world, SignedInUser.signIn(world, "E2E Copilot").bearer())) {
            a.awaitType("welcome", WAIT);
            a.send("{\"type\":\"llm_query\",\"requestId\":\"q1\",\"query\":\"flee when health is below 40%, otherwise"
                    + " attack the nearest enemy\",\"context\":{\"panel\":\"behaviors\"}}");
            JsonNode answer = a.awaitType("llm_response", WAIT);
            assertThat(answer.path("requestId").asText()).isEqualTo("q1");
            // Progress came first, to the asker, through every stage up to the checks.
            List<String> stages = a.history().stream().filter(m -> "llm_progress".equals(m.path("type").asText()))
                    .filter(m -> "q1".equals(m.path("requestId").asText())).map(m -> m.path("stage").asText()).toList();
            assertThat(stages).containsSubsequence("queued", "generating", "validating", "checking");
            // The behavior passed its checks, scenario runs among them: run in the simulation, and held.
            JsonNode checks = answer.path("checks");
            assertThat(checks.size()).isPositive();
            checks.forEach(check -> assertThat(!check.path("ran").asBoolean() || check.path("ok").asBoolean()).as(check.toString()).isTrue());
            assertThat(checks.findValuesAsText("scenario")).anyMatch(scenario -> scenario.startsWith("scenario run"));
            JsonNode document = answer.path("behavior");
            Set<String> rules = new HashSet<>(document.path("rules").findValuesAsText("name"));

            // "Apply to team", as the page does it: save the answer, then assign it.
            a.send("{\"type\":\"save_behavior\",\"requestId\":\"q2\",\"behavior\":{\"document\":" + document + "}}");
            String id = a.awaitType("behavior_saved", WAIT).path("behavior").path("id").asText();
            a.send("{\"type\":\"assign_behavior\",\"requestId\":\"q3\",\"behaviorId\":\"" + id + "\",\"team\":0}");
            assertThat(a.awaitType("command_accepted", WAIT).path("requestId").asText()).isEqualTo("q3");
            a.send("{\"type\":\"start\"}");
            a.await(m -> "state".equals(m.path("type").asText()) && teamZeroRuns(m.path("world"), id, rules), WAIT);
        }
    }

    @Test
    void aPersistenceServiceKilledWithSigkillIsRestartedByTheLauncherAndSavesWorkAgain() throws Exception {
        var killed = stack.persistence();
        ProcessHandle.of(killed.process().pid()).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((stack.persistence() == killed || !QuarkusService.isReady(stack.persistence().port()))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(stack.persistence()).as("restarted by its supervisor").isNotSameAs(killed);
        var supervisor = stack.children().stream().filter(child -> child.name().equals("persistence-service")).findFirst().orElseThrow();
        assertThat(supervisor.lastExitCode()).isEqualTo(137);

        try (WsTestClient a = WsTestClient.connect(TestStack.worldUrl(stack, "default"),
                SignedInUser.signIn(TestStack.worldUrl(stack, "default"), "E2E Survivor").bearer())) {
            a.awaitType("welcome", WAIT);
            a.send("{\"type\":\"save_config\",\"requestId\":\"after-kill\",\"config\":{\"name\":\"After kill\","
                    + "\"settings\":{\"teamSize\":2}}}");
            JsonNode saved = a.awaitType("config_saved", WAIT);
            assertThat(saved.path("requestId").asText()).isEqualTo("after-kill");
        }
    }

    @Test
    void anotherUserCanNeitherChangeNorDeleteAUsersConfigOrBehaviorEvenWithItsIdAndVersion() {
        SignedInUser owner = SignedInUser.signIn(TestStack.worldUrl(stack, "default"), "E2E Owner");
        SignedInUser intruder = SignedInUser.signIn(TestStack.worldUrl(stack, "default"), "E2E Intruder");
        String document = "{\"schemaVersion\":1,\"name\":\"Owned\",\"rules\":[{\"name\":\"ROAM\",\"condition\":\"true\","
                + "\"steer\":[{\"primitive\":\"wander\",\"weight\":1}]}]}";
        try (WsTestClient a = WsTestClient.connect(TestStack.worldUrl(stack, "default"), owner.bearer());
             WsTestClient b = WsTestClient.connect(TestStack.worldUrl(stack, "default"), intruder.bearer())) {
            a.awaitType("welcome", WAIT);
            assertThat(b.awaitType("welcome", WAIT).path("user").path("id").asText()).isEqualTo(intruder.id());
            a.send("{\"type\":\"save_config\",\"requestId\":\"o1\",\"config\":{\"name\":\"Owned arena\",\"settings\":{}}}");
            JsonNode config = a.awaitType("config_saved", WAIT).path("config");
            a.send("{\"type\":\"save_behavior\",\"requestId\":\"o2\",\"behavior\":{\"document\":" + document + "}}");
            JsonNode behavior = a.awaitType("behavior_saved", WAIT).path("behavior");
            String configId = config.path("id").asText();
            String behaviorId = behavior.path("id").asText();

            assertRefused(b, "x1", "{\"type\":\"save_config\",\"requestId\":\"x1\",\"config\":{\"id\":\"" + configId
                    + "\",\"version\":1,\"name\":\"Taken over\",\"settings\":{}}}");
            assertRefused(b, "x2", "{\"type\":\"delete_config\",\"requestId\":\"x2\",\"configId\":\"" + configId + "\",\"version\":1}");
            assertRefused(b, "x3", "{\"type\":\"save_behavior\",\"requestId\":\"x3\",\"behavior\":{\"id\":\"" + behaviorId
                    + "\",\"version\":1,\"document\":" + document.replace("Owned", "Taken over") + "}}");
            assertRefused(b, "x4", "{\"type\":\"delete_behavior\",\"requestId\":\"x4\",\"behaviorId\":\"" + behaviorId + "\",\"version\":1}");

            b.send("{\"type\":\"list_configs\",\"requestId\":\"bl\"}");
            assertThat(b.awaitType("config_list", WAIT).path("configs").findValuesAsText("id")).doesNotContain(configId);
        }
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document storedConfig = mongo.getDatabase("agent_game").getCollection("configs").find(Filters.eq("ownerId",
                    owner.id())).first();
            assertThat(storedConfig).isNotNull();
            assertThat(storedConfig.getString("name")).isEqualTo("Owned arena");
            assertThat(storedConfig.get("version", Number.class).longValue()).isEqualTo(1);
            Document storedBehavior = mongo.getDatabase("agent_game").getCollection("behaviors")
                    .find(Filters.eq("ownerId", owner.id())).first();
            assertThat(storedBehavior).isNotNull();
            assertThat(storedBehavior.getString("name")).isEqualTo("Owned");
            assertThat(storedBehavior.get("version", Number.class).longValue()).isEqualTo(1);
        }
    }

    private static void assertRefused(WsTestClient client, String requestId, String frame) {
        client.send(frame);
        JsonNode error = client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
        assertThat(error.path("type").asText()).as(requestId).isEqualTo("error");
        assertThat(error.path("code").asText()).as(requestId).isEqualTo("FORBIDDEN");
    }

    private static boolean teamZeroRuns(JsonNode world, String behaviorId) {
        return teamZeroRuns(world, behaviorId, Set.of("HUNT", "ROAM"));
    }

    /** Whether every agent of team 0 runs the behavior, and a living one decides by one of its {@code rules}. */
    private static boolean teamZeroRuns(JsonNode world, String behaviorId, Set<String> rules) {
        boolean anyDeciding = false;
        for (JsonNode agent : world.path("agents")) {
            if (agent.path("team").asInt() != 0) {
                continue;
            }
            if (!agent.path("behavior").asText().equals(behaviorId)) {
                return false;
            }
            anyDeciding |= agent.path("alive").asBoolean() && rules.contains(agent.path("state").asText());
        }
        return anyDeciding;
    }
}
