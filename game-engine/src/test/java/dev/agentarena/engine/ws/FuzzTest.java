package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.engine.ws.connection.CloseCodes;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.StrictWsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 random and malformed frames over several connections (seeded: {@code -Darena.fuzz.seed=…} replays a run).
 * The engine stays up, answers each frame with a typed error or a reply on a connection that stays whole, a client
 * watching another world keeps its snapshot rate, and nothing is logged at ERROR. Each fuzzing connection sends
 * a little under the rate limit so that its frames reach the parser rather than the limiter.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FuzzTest {

    private static final Logger LOG = Logger.getLogger(FuzzTest.class);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SEED = Long.getLong("arena.fuzz.seed", 20261201L);
    private static final int FRAMES = 10_000;
    private static final int CONNECTIONS = 12;
    private static final double FRAMES_PER_SECOND_PER_CONNECTION = 28;
    private static final Set<String> ERROR_CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    @Inject
    Instance<RequestHandler> handlers;

    private final String fuzzWorld = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    @Test
    void theEngineSurvivesMalformedFramesOnEveryMessageTypeWithoutErrorsOrSlowingOthers() throws Exception {
        Set<String> served = handlers.stream().flatMap(handler -> handler.routes().keySet().stream())
                .collect(Collectors.toSet());
        assertThat(FrameFuzzer.TYPES).as("the fuzzer covers every message type the engine serves").containsAll(served);
        try (ErrorLogCapture log = ErrorLogCapture.install();
             StrictWsTestClient watcher = welcomed(StrictWsTestClient.connect(ws("default")))) {
            watcher.send("{\"type\":\"create_world\",\"requestId\":\"c1\",\"worldId\":\"" + fuzzWorld + "\"}");
            watcher.awaitType("world_created", WAIT);
            List<String> worldsBefore = worldIds(watcher);
            watcher.awaitType("state", WAIT);
            double baseline = snapshotsPerSecond(watcher, Duration.ofSeconds(3));

            long start = System.nanoTime();
            long snapshotsBefore = watcher.snapshotCount();
            ExecutorService fuzzers = Executors.newFixedThreadPool(CONNECTIONS);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                sent.add(fuzzers.submit(() -> fuzz(connection, FRAMES / CONNECTIONS + (connection < FRAMES % CONNECTIONS ? 1 : 0))));
            }
            int total = 0;
            for (Future<Integer> frames : sent) {
                total += frames.get(5, TimeUnit.MINUTES);
            }
            fuzzers.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            double duringFuzz = (watcher.snapshotCount() - snapshotsBefore) / seconds;
            LOG.infof("fuzz (seed %d): %d frames over %d connections in %.1f s; watcher %.1f snapshots/s before, %.1f during",
                    SEED, total, CONNECTIONS, seconds, baseline, duringFuzz);

            assertThat(total).isEqualTo(FRAMES);
            assertThat(problems).isEmpty();
            assertThat(duringFuzz).as("the watcher's snapshot rate during the fuzz (before: %.1f/s)", baseline)
                    .isGreaterThan(baseline * 0.5);
            try (StrictWsTestClient fresh = welcomed(StrictWsTestClient.connect(ws("default")))) {
                assertThat(worldIds(fresh)).as("the fuzz created no world").containsExactlyInAnyOrderElementsOf(worldsBefore);
            }
            watcher.send("{\"type\":\"delete_world\",\"requestId\":\"d1\",\"worldId\":\"" + fuzzWorld + "\"}");
            watcher.awaitType("world_deleted", WAIT);
            assertThat(watcher.failures()).isEmpty();
            assertThat(log.errors()).isEmpty();
        }
    }

    /** Sends {@code frames} fuzzed frames on one connection (reconnecting if the engine closes it); returns how many. */
    private int fuzz(int connection, int frames) {
        FrameFuzzer fuzzer = new FrameFuzzer(SEED * 31 + connection);
        long interval = (long) (1e9 / FRAMES_PER_SECOND_PER_CONNECTION);
        long next = System.nanoTime();
        StrictWsTestClient client = welcomed(StrictWsTestClient.connect(ws(fuzzWorld)));
        try {
            for (int i = 0; i < frames; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += interval;
                if (!client.isOpen()) {
                    check(connection, client);
                    client = welcomed(StrictWsTestClient.connect(ws(fuzzWorld)));
                }
                FrameFuzzer.Frame frame = fuzzer.next();
                try {
                    if (frame.binary() != null) {
                        client.sendBinary(frame.binary());
                    } else {
                        client.send(frame.text());
                    }
                } catch (IllegalStateException closedMeanwhile) {
                    // Counted as sent: the frame was written as far as a closing socket allows; check() says why.
                }
                if (i % 200 == 199) {
                    check(connection, client);
                    client.forget();
                }
            }
            client.send("{\"type\":\"list_worlds\",\"requestId\":\"last\"}");
            client.await(m -> "last".equals(m.path("requestId").asText()), WAIT);
            check(connection, client);
            return frames;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            client.close();
        }
    }

    /** What the engine sent on one connection: whole JSON, typed errors, no internal failure, no unexpected close. */
    private void check(int connection, StrictWsTestClient client) {
        for (JsonNode message : client.history()) {
            String type = message.path("type").asText();
            if ("unparseable".equals(type)) {
                problems.add(connection + ": a frame that is no JSON: " + abbreviate(message.toString()));
            }
            if ("error".equals(type) && (!ERROR_CODES.contains(message.path("code").asText())
                    || "UPSTREAM_ERROR".equals(message.path("code").asText()))) {
                problems.add(connection + ": " + abbreviate(message.toString()));
            }
        }
        client.failures().forEach(failure -> problems.add(connection + ": " + failure));
        if (!client.isOpen()) {
            int code = client.awaitClose(WAIT);
            if (code != CloseCodes.POLICY_VIOLATION) {
                problems.add(connection + ": closed with " + code + " " + client.closeReason());
            }
        }
    }

    private static List<String> worldIds(StrictWsTestClient client) {
        String requestId = "worlds-" + UUID.randomUUID();
        client.send("{\"type\":\"list_worlds\",\"requestId\":\"" + requestId + "\"}");
        return client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT).path("worlds").findValuesAsText("id");
    }

    private static double snapshotsPerSecond(StrictWsTestClient client, Duration window) throws InterruptedException {
        long before = client.snapshotCount();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (client.snapshotCount() - before) * 1e9 / (System.nanoTime() - start);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static StrictWsTestClient welcomed(StrictWsTestClient client) {
        client.awaitType("welcome", WAIT);
        return client;
    }

    private String ws(String world) {
        return defaultWorld.toString().replaceFirst("^http", "ws").replace("/default", "/" + world);
    }
}
