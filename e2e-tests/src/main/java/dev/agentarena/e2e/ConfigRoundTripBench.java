package dev.agentarena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.local.Stack;
import dev.agentarena.testing.SignedInUser;
import dev.agentarena.testing.WsTestClient;

import java.time.Duration;
import java.util.Arrays;

/**
 * Measures the config save round trip a player sees: {@code save_config} sent on the WebSocket until
 * {@code config_saved} arrives, through Kafka, the persistence service and MongoDB and back. Starts its own
 * stack on random ports (or uses {@code -Darena.url=ws://…} of a running one), warms up, then times
 * sequential saves and prints p50/p99/max.
 *
 * <p>Run: {@code ./mvnw -q -pl e2e-tests -am install -DskipTests && java -cp "$(cat e2e-tests/target/bench.classpath)"
 * dev.agentarena.e2e.ConfigRoundTripBench [saves]} (see docs/benchmarks.md).
 */
public final class ConfigRoundTripBench {

    private static final int WARMUP = 50;

    private ConfigRoundTripBench() {
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String url = System.getProperty("arena.url");
        Stack stack = null;
        if (url == null) {
            stack = TestStack.start(TestStack.repoRoot(), "bench");
            url = TestStack.worldUrl(stack, "default");
        }
        // Guests cannot save: the bench signs in first, as the page does.
        try (WsTestClient client = WsTestClient.connect(url, SignedInUser.signIn(url, "bench-" + System.nanoTime()).bearer())) {
            client.awaitType("welcome", Duration.ofSeconds(10));
            for (int i = 0; i < WARMUP; i++) {
                save(client, "warmup-" + i);
            }
            long[] nanos = new long[saves];
            for (int i = 0; i < saves; i++) {
                nanos[i] = save(client, "bench-" + i);
            }
            Arrays.sort(nanos);
            System.out.printf("config save round trip over %d saves (after %d warm-up): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    saves, WARMUP, ms(nanos[saves / 2]), ms(nanos[(int) Math.ceil(saves * 0.99) - 1]), ms(nanos[saves - 1]));
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    private static long save(WsTestClient client, String name) {
        String requestId = name;
        long start = System.nanoTime();
        client.send("{\"type\":\"save_config\",\"requestId\":\"" + requestId + "\",\"config\":{\"name\":\"" + name
                + "\",\"settings\":{\"worldWidth\":1000}}}");
        JsonNode reply = client.await(m -> requestId.equals(m.path("requestId").asText()), Duration.ofSeconds(30));
        long elapsed = System.nanoTime() - start;
        if (!"config_saved".equals(reply.path("type").asText())) {
            throw new IllegalStateException("save failed: " + reply);
        }
        return elapsed;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
