package dev.agentarena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.agentarena.testing.SignedInUser;
import dev.agentarena.testing.WsTestClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine in front of the real persistence service, every part a process of its own (broker, embedded MongoDB,
 * persistence, engine): a user renames themself, and the broker is killed for 10 s while WebSocket clients save.
 * <p>
 * Rename: stored in MongoDB, shown by the next {@code welcome}, a taken or bad name refused, the old name free again.
 * <p>
 * Broker outage: Each save ends in a typed error (UNAVAILABLE, TIMEOUT) or is saved, never
 * silently and never both, except as the protocol says: after a TIMEOUT the real outcome comes marked {@code late}.
 * The same requestId sent again gets the first outcome, and MongoDB holds each save once. After the broker's return a
 * new save succeeds within 5 s. A world command sent during the outage is answered within 7 s (accepted, or UNAVAILABLE
 * once its log has not been reached for 5 s) while the world goes on streaming. The figures are printed (quoted in
 * docs/reliability.md).
 */
class EngineSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Two users saving in turn, each every 600 ms: under the quota of 100 configs each for the whole test. */
    private static final int USERS = 2;
    private static final long PACE_MILLIS = 300;
    /** The engine's reply timeout plus a margin: by then every late result has come. */
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Set<String> TYPED_ERRORS = Set.of("UNAVAILABLE", "TIMEOUT");

    private static FaultParts parts;

    /** A save sent: by which client, when. */
    private record Save(String requestId, int client, long sentAt) {
    }

    /** A message a client received, and when the test saw it (within 20 ms). */
    private record Received(JsonNode message, long at) {
    }

    @BeforeAll
    static void startParts() throws Exception {
        parts = FaultParts.start("engine-broker");
        parts.engine = parts.startEngine();
    }

    @AfterAll
    static void stopParts() {
        if (parts != null) {
            parts.close();
        }
    }

    @Test
    void aRenameIsStoredShownByTheNextWelcomeAndFreesTheOldName() {
        String url = parts.worldUrl("default");
        SignedInUser ada = SignedInUser.signIn(url, "Rename Ada");
        SignedInUser.signIn(url, "Rename Bob");
        try (WsTestClient client = WsTestClient.connect(url, ada.bearer())) {
            client.awaitType("welcome", WAIT);
            client.send("{\"type\":\"rename_user\",\"requestId\":\"r1\",\"name\":\"  Rename Ada L  \"}");
            JsonNode renamed = client.await(m -> "r1".equals(m.path("requestId").asText()), WAIT);
            assertThat(renamed.path("type").asText()).as("%s", renamed).isEqualTo("user_renamed");
            assertThat(renamed.path("user").path("username").asText()).isEqualTo("Rename Ada L");
            client.send("{\"type\":\"rename_user\",\"requestId\":\"r2\",\"name\":\"rename BOB\"}");
            assertThat(client.await(m -> "r2".equals(m.path("requestId").asText()), WAIT).path("code").asText())
                    .isEqualTo("CONFLICT");
            client.send("{\"type\":\"rename_user\",\"requestId\":\"r3\",\"name\":\"" + "x".repeat(41) + "\"}");
            JsonNode tooLong = client.await(m -> "r3".equals(m.path("requestId").asText()), WAIT);
            assertThat(tooLong.path("code").asText()).isEqualTo("INVALID_NAME");
            assertThat(tooLong.path("errors").get(0).path("path").asText()).isEqualTo("/name");
            assertThat(tooLong.path("errors").get(0).path("code").asText()).isEqualTo("TOO_LONG");
        }
        try (WsTestClient next = WsTestClient.connect(url, ada.bearer())) {
            assertThat(next.awaitType("welcome", WAIT).path("user").path("username").asText()).isEqualTo("Rename Ada L");
        }
        try (MongoClient client = MongoClients.create(parts.mongo.connectionString())) {
            Document stored = client.getDatabase("agent_game").getCollection("users").find(Filters.eq("_id", ada.id())).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("username")).isEqualTo("Rename Ada L");
            assertThat(stored.get("version", Number.class).longValue()).isEqualTo(2);
        }
        assertThat(SignedInUser.signIn(url, "rename ada").id()).as("the old name, free again").isNotEqualTo(ada.id());
    }

    @Test
    void savesDuringA10sBrokerOutageEndTypedOrSavedOnceAndSavesWorkWithin5sOfItsReturn() throws Exception {
        List<SignedInUser> users = new ArrayList<>();
        List<WsTestClient> clients = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(SignedInUser.signIn(parts.worldUrl("default"), "Outage " + i));
            clients.add(WsTestClient.connect(parts.worldUrl("default"), users.get(i).bearer()));
        }
        List<Save> saves = new CopyOnWriteArrayList<>();
        try (Stamper stamper = new Stamper(clients)) {
            for (WsTestClient client : clients) {
                client.awaitType("welcome", WAIT);
            }
            Thread pacer = new Thread(() -> pace(clients, saves), "paced-saves");
            pacer.start();
            Thread.sleep(2000);
            long killedAt = System.nanoTime();
            long killedAtWall = System.currentTimeMillis();
            parts.killKafka();
            // A world command while the broker is away: it waits for the log at most 5 s, then is refused typed;
            // the world streams on meanwhile.
            Thread.sleep(2000);
            long framesBefore = clients.get(0).binaryFrames();
            Save add = new Save("add-during-outage", 0, System.nanoTime());
            clients.get(0).send("{\"type\":\"add_agent\",\"requestId\":\"" + add.requestId() + "\",\"team\":0}");
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - killedAt) / 1_000_000));
            long framesDuringOutage = clients.get(0).binaryFrames() - framesBefore;
            long restartAt = System.nanoTime();
            parts.kafka = parts.startKafka();
            long backAt = System.nanoTime();
            long backAtWall = System.currentTimeMillis();
            Thread.sleep(10_000);
            pacer.interrupt();
            pacer.join();

            Thread.sleep(SETTLE.toMillis());

            int savedOnTime = 0;
            int typed = 0;
            int late = 0;
            long firstResultAfterReturn = Long.MAX_VALUE;
            Map<String, String> configIds = new ConcurrentHashMap<>();
            for (Save save : saves) {
                List<Received> answers = stamper.replies(save);
                assertThat(answers).as("replies to %s (never silent)", save.requestId()).isNotEmpty();
                for (Received answer : answers) {
                    if ("config_saved".equals(answer.message().path("type").asText())) {
                        configIds.put(save.requestId(), answer.message().path("config").path("id").asText());
                        if (answer.at() > backAt) {
                            firstResultAfterReturn = Math.min(firstResultAfterReturn, answer.at());
                        }
                    }
                }
                JsonNode first = answers.get(0).message();
                if ("config_saved".equals(first.path("type").asText())) {
                    assertThat(answers).as("a save answered on time is answered once: %s", save.requestId()).hasSize(1);
                    assertThat(first.path("late").isMissingNode()).isTrue();
                    savedOnTime++;
                    continue;
                }
                assertThat(first.path("type").asText()).as("reply to %s", save.requestId()).isEqualTo("error");
                String code = first.path("code").asText();
                assertThat(code).as("the error of %s: %s", save.requestId(), first).isIn(TYPED_ERRORS);
                typed++;
                // UNAVAILABLE: nothing was sent, so nothing follows. TIMEOUT: at most the real outcome, marked late.
                List<Received> after = answers.subList(1, answers.size());
                assertThat(after).as("after the %s of %s", code, save.requestId()).hasSizeLessThanOrEqualTo("TIMEOUT".equals(code) ? 1 : 0);
                for (Received outcome : after) {
                    assertThat(outcome.message().path("late").asBoolean()).as("the result after the TIMEOUT of %s", save.requestId()).isTrue();
                    assertThat(outcome.message().path("type").asText()).isEqualTo("config_saved");
                    late++;
                }
            }

            Save recovered = saves.stream().filter(save -> save.sentAt() > backAt)
                    .filter(save -> "config_saved".equals(stamper.replies(save).get(0).message().path("type").asText()))
                    .findFirst().orElse(null);
            assertThat(recovered).as("a save sent after the broker's return succeeded").isNotNull();
            double recoverySeconds = (stamper.replies(recovered).get(0).at() - backAt) / 1e9;
            long refusedAfterReturn = saves.stream().filter(save -> save.sentAt() > backAt && save.sentAt() < recovered.sentAt()).count();
            double firstAppliedSeconds = (firstAppliedAfter(killedAtWall) - backAtWall) / 1e3;

            // The same requestIds again: a known outcome is the first outcome; one never known is learnt now; none twice.
            for (Save save : saves) {
                WsTestClient client = clients.get(save.client());
                int from = stamper.count(save.client());
                client.send(save(save.requestId()));
                JsonNode again = stamper.awaitNew(save, from);
                assertThat(again.path("type").asText()).as("re-send of %s: %s", save.requestId(), again).isEqualTo("config_saved");
                assertThat(again.path("late").isMissingNode()).isTrue();
                if (configIds.containsKey(save.requestId())) {
                    assertThat(again.path("config").path("id").asText()).as("the re-send of %s gets the first outcome", save.requestId())
                            .isEqualTo(configIds.get(save.requestId()));
                }
            }
            long stored = 0;
            for (SignedInUser user : users) {
                stored += storedConfigs(user.id());
            }
            assertThat(stored).as("configs in MongoDB: one per save").isEqualTo(saves.size());

            System.out.printf("[faults] broker killed for %.1f s under the engine (its restart took %.1f s): %d saves by %d "
                            + "users at %d ms intervals; %d saved on time, %d typed errors (%d of them later saved, marked "
                            + "late), all re-sent and saved once, 0 lost, 0 twice; after the return: persistence applied a "
                            + "command at %+.1f s, the engine had a result at %+.1f s, the first new save succeeded at %+.1f s "
                            + "(%d refused UNAVAILABLE before it)%n",
                    (backAt - killedAt) / 1e9, (backAt - restartAt) / 1e9, saves.size(), USERS, PACE_MILLIS, savedOnTime,
                    typed, late, firstAppliedSeconds, (firstResultAfterReturn - backAt) / 1e9, recoverySeconds, refusedAfterReturn);
            assertThat(typed).as("saves during the outage end in typed errors").isPositive();

            List<Received> addAnswers = stamper.replies(add);
            assertThat(addAnswers).as("answers to the add_agent sent during the outage").hasSize(1);
            JsonNode addAnswer = addAnswers.get(0).message();
            double addSeconds = (addAnswers.get(0).at() - add.sentAt()) / 1e9;
            System.out.printf("[faults] add_agent during the outage: %s %s after %.1f s; %d snapshots in the %.0f s after it%n",
                    addAnswer.path("type").asText(), addAnswer.path("code").asText(""), addSeconds, framesDuringOutage,
                    (OUTAGE.toMillis() - 2000) / 1e3);
            assertThat(addAnswer.path("type").asText() + " " + addAnswer.path("code").asText(""))
                    .isIn("command_accepted ", "error UNAVAILABLE");
            assertThat(addSeconds).as("seconds until the add_agent was answered").isLessThanOrEqualTo(7.0);
            assertThat(framesDuringOutage).as("snapshots while the broker was away (20 per second)").isGreaterThan(60);
            assertThat(recoverySeconds).as("seconds from the broker's return to a successful new save").isLessThan(5.0);
        } finally {
            clients.forEach(WsTestClient::close);
        }
    }

    /** Sends a save every {@link #PACE_MILLIS}, the clients in turn, each its own requestId, until interrupted. */
    private static void pace(List<WsTestClient> clients, List<Save> saves) {
        for (int i = 0; ; i++) {
            String requestId = "o-" + i;
            int client = i % clients.size();
            saves.add(new Save(requestId, client, System.nanoTime()));
            clients.get(client).send(save(requestId));
            try {
                Thread.sleep(PACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Notes, every 20 ms, what each client received and when: blocking steps of the test do not blur the times. */
    private static final class Stamper implements AutoCloseable {
        private final List<WsTestClient> clients;
        private final List<List<Received>> received = new ArrayList<>();
        private final Thread thread;

        Stamper(List<WsTestClient> clients) {
            this.clients = clients;
            clients.forEach(client -> received.add(new CopyOnWriteArrayList<>()));
            thread = new Thread(this::run, "reply-stamper");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (!Thread.currentThread().isInterrupted()) {
                for (int c = 0; c < clients.size(); c++) {
                    List<JsonNode> history = clients.get(c).history();
                    long now = System.nanoTime();
                    List<Received> log = received.get(c);
                    for (int i = log.size(); i < history.size(); i++) {
                        log.add(new Received(history.get(i), now));
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<Received> replies(Save save) {
            return received.get(save.client()).stream()
                    .filter(r -> save.requestId().equals(r.message().path("requestId").asText())).toList();
        }

        int count(int client) {
            return clients.get(client).history().size();
        }

        /** The first reply to {@code save}'s requestId after the first {@code from} messages of its client. */
        JsonNode awaitNew(Save save, int from) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                List<JsonNode> history = clients.get(save.client()).history();
                for (int i = from; i < history.size(); i++) {
                    if (save.requestId().equals(history.get(i).path("requestId").asText())) {
                        return history.get(i);
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no reply to the re-send of " + save.requestId() + " within " + WAIT);
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private static String save(String requestId) {
        return "{\"type\":\"save_config\",\"requestId\":\"" + requestId + "\",\"config\":{\"name\":\"" + requestId
                + "\",\"settings\":{}}}";
    }

    private static long storedConfigs(String ownerId) {
        try (MongoClient client = MongoClients.create(parts.mongo.connectionString())) {
            return client.getDatabase("agent_game").getCollection("configs").countDocuments(Filters.eq("ownerId", ownerId));
        }
    }

    /** When persistence first applied a command after {@code wallMillis} (its processed_commands record). */
    private static long firstAppliedAfter(long wallMillis) {
        try (MongoClient client = MongoClients.create(parts.mongo.connectionString())) {
            Document first = client.getDatabase("agent_game").getCollection("processed_commands")
                    .find(Filters.gt("processedAt", new Date(wallMillis))).sort(Sorts.ascending("processedAt")).first();
            return first == null ? Long.MAX_VALUE : first.getDate("processedAt").getTime();
        }
    }
}
