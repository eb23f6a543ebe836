package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.engine.ws.connection.CloseCodes;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.StrictWsTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write to a client goes through one ordered path: large replies and streaming states never interleave
 * fragments, a client that stops reading gets whole frames (the newest) and never slows the others, and one
 * whose replies pile up is closed instead of growing a queue. Strict clients check the framing and decode every
 * binary snapshot; the replies span many 64 KB fragments.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DeliveryTest {

    private static final Logger LOG = Logger.getLogger(DeliveryTest.class);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int AGENTS_PER_TEAM = 200;
    /** More than a page: each list reply is then a full page of walled configs, about 2 MB. */
    private static final int BULK_CONFIGS = 150;
    private static final int PAGE = 100;
    private static final String LIST = "{\"type\":\"list_configs\",\"limit\":" + PAGE + ",\"requestId\":\"";
    /**
     * Small enough that a paused client backs the server up within a few states, above loopback's 64 KB segment
     * size (a window below one segment slows a reading client to a crawl).
     */
    private static final int SMALL_RECEIVE_BUFFER = 256 * 1024;

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    @Inject
    MeterRegistry meters;

    private final String worldId = "delivery-" + UUID.randomUUID().toString().substring(0, 8);
    private StrictWsTestClient admin;
    private StrictWsTestClient watcher;

    @BeforeEach
    void createABusyWorld() {
        admin = StrictWsTestClient.connect(ws("default"));
        admin.awaitType("welcome", WAIT);
        admin.send("{\"type\":\"create_world\",\"requestId\":\"c1\",\"worldId\":\"" + worldId + "\"}");
        assertThat(admin.awaitType("world_created", WAIT).path("requestId").asText()).isEqualTo("c1");
        watcher = viewer(StrictWsTestClient.connect(ws(worldId)));
        for (int team = 0; team < 2; team++) {
            watcher.send("{\"type\":\"add_agent\",\"requestId\":\"a" + team + "\",\"team\":" + team + ",\"count\":"
                    + AGENTS_PER_TEAM + "}");
            watcher.awaitType("command_accepted", WAIT);
        }
        // Snapshots stream while the tests' large replies go out in many 64 KB fragments: one written between two
        // fragments of a reply is the interleaving this class guards against.
        watcher.await(m -> isState(m) && m.path("world").path("agents").size() >= 2 * AGENTS_PER_TEAM, WAIT);
        watcher.forget();
    }

    @AfterEach
    void deleteTheWorldAndAwaitTheBulkConfigsGone() {
        watcher.close();
        awaitNoBulkConfigs();
        admin.send("{\"type\":\"delete_world\",\"requestId\":\"d1\",\"worldId\":\"" + worldId + "\"}");
        admin.awaitType("world_deleted", WAIT);
        admin.close();
    }

    @Test
    void aMultiMegabyteReplyWhileStatesStreamArrivesWhole100Times() {
        try (BulkConfigs ignored = BulkConfigs.publish(worldId, BULK_CONFIGS);
             StrictWsTestClient client = viewer(StrictWsTestClient.connect(ws(worldId)))) {
            JsonNode first = awaitAllConfigs(client);
            assertThat(first.toString().length()).as("a reply of about 2 MB").isGreaterThan(1_500_000);
            long snapshotsBefore = client.snapshotCount();
            for (int i = 0; i < 100; i++) {
                String requestId = "big-" + i;
                client.send(LIST + requestId + "\"}");
                JsonNode reply = client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
                assertThat(reply.path("type").asText()).isEqualTo("config_list");
                assertThat(reply.path("configs").size()).isEqualTo(PAGE);
                assertWhole(client);
                client.forget();
            }
            LOG.infof("100 replies of %d characters each, %d states in between", first.toString().length(),
                    client.snapshotCount() - snapshotsBefore);
            assertThat(client.snapshotCount() - snapshotsBefore).as("states streamed between the replies")
                    .isGreaterThan(50);
            assertThat(client.failures()).isEmpty();
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void aStalledClientGetsOnlyWholeNewestFramesAndTheOthersKeepTheirRate() throws InterruptedException {
        try (StrictWsTestClient stalled = viewer(StrictWsTestClient.connectWithReceiveBuffer(ws(worldId),
                SMALL_RECEIVE_BUFFER))) {
            stalled.awaitType("state", WAIT);
            double baseline = snapshotsPerSecond(watcher, Duration.ofSeconds(3));
            long stalledBefore = stalled.snapshotCount();
            long watcherBefore = watcher.snapshotCount();

            stalled.pause();
            double whileStalled = snapshotsPerSecond(watcher, Duration.ofSeconds(6));
            watcher.forget();
            long newestTick = tick(watcher.await(DeliveryTest::isState, WAIT));
            stalled.resume();

            JsonNode caughtUp = stalled.await(m -> isState(m) && tick(m) >= newestTick, WAIT);
            LOG.infof("stall: the other client got %.1f snapshots/s before, %.1f while one stalled; the stalled one got "
                    + "%d of the other's %d", baseline, whileStalled, stalled.snapshotCount() - stalledBefore,
                    watcher.snapshotCount() - watcherBefore);
            assertThat(caughtUp.path("world").path("agents").size()).isGreaterThanOrEqualTo(2 * AGENTS_PER_TEAM);
            assertThat(baseline).as("states flow before the stall").isPositive();
            assertThat(whileStalled).as("the other client's rate while one stalls (baseline %.1f/s)", baseline)
                    .isGreaterThan(baseline * 0.5);
            // Binary snapshots are small enough that the socket buffers may hold a whole stall's worth, so the
            // stalled client need not skip any (latest-only skipping is ConnectionWriterTest's); what it gets must be
            // whole, decodable, in order and never repeated.
            assertWhole(stalled);
            List<Long> ticks = stalled.history().stream().filter(DeliveryTest::isState).map(DeliveryTest::tick).toList();
            assertThat(ticks).as("no state twice, none out of order").isSorted().doesNotHaveDuplicates();
            assertThat(stalled.failures()).isEmpty();
            assertThat(stalled.isOpen()).isTrue();
        }
    }

    @Test
    void aClientWhoseRepliesPileUpIsClosedWithTryAgainLaterAndReadsOnlyWholeFramesBeforeIt() {
        double closedBefore = closedCount("slow_client");
        try (BulkConfigs ignored = BulkConfigs.publish(worldId, BULK_CONFIGS);
             StrictWsTestClient slow = viewer(StrictWsTestClient.connect(ws("default")))) {
            awaitAllConfigs(admin);
            admin.forget();
            slow.pause();
            for (int i = 0; i < 8; i++) {
                slow.send(LIST + "pile-" + i + "\"}");
            }
            awaitClosedCount("slow_client", closedBefore + 1);
            slow.resume();

            assertThat(slow.awaitClose(WAIT)).isEqualTo(CloseCodes.TRY_AGAIN_LATER);
            assertThat(slow.closeReason()).startsWith("too slow");
            assertWhole(slow);
            assertThat(slow.history()).filteredOn(m -> "config_list".equals(m.path("type").asText()))
                    .hasSizeLessThan(8)
                    .allMatch(m -> m.path("configs").size() == PAGE);
            assertThat(slow.failures()).noneMatch(f -> f.getClass().getName().contains("Corrupted"));
        }
    }

    /** Waits until the engine's config view fills a page with bulk configs; returns that first full page. */
    private static JsonNode awaitAllConfigs(StrictWsTestClient client) {
        long deadline = System.nanoTime() + 2 * WAIT.toNanos();
        int listed = 0;
        int attempt = 0;
        for (; System.nanoTime() < deadline; attempt++) {
            String requestId = "probe-" + attempt;
            client.send(LIST + requestId + "\"}");
            long snapshots = client.snapshotCount();
            JsonNode reply;
            try {
                reply = client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
            } catch (AssertionError e) {
                throw new AssertionError("no answer to " + requestId + "; open " + client.isOpen() + ", failures "
                        + client.failures() + ", snapshots meanwhile " + (client.snapshotCount() - snapshots), e);
            }
            listed = reply.path("configs").size();
            if (listed == PAGE) {
                return reply;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("the engine never filled a page of " + PAGE + " configs; " + attempt
                + " lists, the last of " + listed);
    }

    /** Later tests must not get megabytes for a list: wait until the engine's view dropped this test's configs. */
    private void awaitNoBulkConfigs() {
        long deadline = System.nanoTime() + 2 * WAIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            String requestId = "gone-" + attempt;
            admin.send(LIST + requestId + "\"}");
            JsonNode reply = admin.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
            admin.forget();
            if (reply.path("configs").findValuesAsText("id").stream().noneMatch(id -> id.startsWith(worldId + "-"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the engine still lists the bulk configs");
            }
            sleep(Duration.ofMillis(300));
        }
    }

    private static void assertWhole(StrictWsTestClient client) {
        assertThat(client.history()).noneMatch(m -> "unparseable".equals(m.path("type").asText())
                || "undecodable_frame".equals(m.path("type").asText()));
    }

    private static StrictWsTestClient viewer(StrictWsTestClient client) {
        client.awaitType("welcome", WAIT);
        return client;
    }

    private static double snapshotsPerSecond(StrictWsTestClient client, Duration window) throws InterruptedException {
        long before = client.snapshotCount();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (client.snapshotCount() - before) * 1e9 / (System.nanoTime() - start);
    }

    private double closedCount(String reason) {
        var counter = meters.find("arena.engine.ws.closed").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitClosedCount(String reason, double atLeast) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (closedCount(reason) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the engine closed no client for " + reason);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static boolean isState(JsonNode message) {
        return "state".equals(message.path("type").asText());
    }

    private static long tick(JsonNode state) {
        return state.path("world").path("tick").asLong();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String ws(String world) {
        return defaultWorld.toString().replaceFirst("^http", "ws").replace("/default", "/" + world);
    }
}
