package dev.agentarena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.testing.WsTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client of one world among several engines, as a real client behaves: it connects to any engine, follows
 * {@code world_moved} to the engine that runs the world, retries after UNAVAILABLE, and when its engine goes away
 * reconnects to another one of those {@code welcome} listed. Every connection it made stays in {@link #clients()}.
 */
final class FollowingViewer implements AutoCloseable {

    private static final Set<String> FIRST = Set.of("welcome", "world_moved", "error");

    private final String worldId;
    private final Map<String, String> headers;
    private final List<String> engines = new CopyOnWriteArrayList<>();
    private final List<WsTestClient> clients = new CopyOnWriteArrayList<>();
    private volatile WsTestClient current;
    private volatile int redirects;

    /** @param engines http URLs of the engines, tried in turn */
    FollowingViewer(String worldId, List<String> engines, Map<String, String> headers) {
        this.worldId = worldId;
        this.headers = headers;
        this.engines.addAll(engines);
    }

    /** Connects wherever the world runs (starting at engine {@code first}) and returns the welcome. */
    JsonNode connect(int first, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = engines.get(first % engines.size());
        int next = first + 1;
        while (System.nanoTime() < deadline) {
            WsTestClient client;
            try {
                client = WsTestClient.connect(url.replace("http://", "ws://") + "/ws/worlds/" + worldId, headers);
            } catch (RuntimeException refused) {
                url = engines.get(next++ % engines.size());
                pause(200);
                continue;
            }
            clients.add(client);
            JsonNode answer;
            try {
                answer = client.await(message -> FIRST.contains(message.path("type").asText()), Duration.ofSeconds(5));
            } catch (AssertionError silent) {
                client.close();
                url = engines.get(next++ % engines.size());
                continue;
            }
            switch (answer.path("type").asText()) {
                case "welcome" -> {
                    current = client;
                    answer.path("engines").forEach(engine -> {
                        if (!engines.contains(engine.asText())) {
                            engines.add(engine.asText());
                        }
                    });
                    return answer;
                }
                case "world_moved" -> {
                    redirects++;
                    url = answer.path("url").asText();
                    client.close();
                }
                default -> {
                    client.close();
                    pause(300);
                }
            }
        }
        throw new AssertionError("world " + worldId + " could not be reached within " + timeout);
    }

    /** The open connection, or null when there is none. */
    WsTestClient current() {
        WsTestClient client = current;
        return client != null && client.isOpen() ? client : null;
    }

    List<WsTestClient> clients() {
        return clients;
    }

    int redirects() {
        return redirects;
    }

    String worldId() {
        return worldId;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        clients.forEach(WsTestClient::close);
    }
}
