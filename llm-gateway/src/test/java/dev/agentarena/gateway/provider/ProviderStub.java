package dev.agentarena.gateway.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A scripted model API on a local port: each request gets the next scripted reply (an unscripted request
 * gets a 500), and every request is recorded with its headers, body and arrival time. Quarkus loads a test
 * profile and the test class in different class loaders, so the port is agreed through a system property
 * (one per provider) and the test class's loader owns the server.
 */
final class ProviderStub {

    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    record Seen(String path, Map<String, List<String>> headers, String body, long atNanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private static final Map<String, ProviderStub> INSTANCES = new HashMap<>();

    private final HttpServer server;
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private ProviderStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "provider-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port agreed for {@code provider}'s stub, chosen free on first use in this JVM. */
    static synchronized int port(String provider) {
        String key = "arena.test.provider-stub." + provider;
        String port = System.getProperty(key);
        if (port == null) {
            try (ServerSocket socket = new java.net.ServerSocket(0)) {
                port = Integer.toString(socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException("no free port for the provider stub", e);
            }
            System.setProperty(key, port);
        }
        return Integer.parseInt(port);
    }

    static synchronized ProviderStub get(String provider) {
        return INSTANCES.computeIfAbsent(provider, p -> {
            try {
                return new ProviderStub(port(p));
            } catch (IOException e) {
                throw new IllegalStateException("could not start the provider stub", e);
            }
        });
    }

    void reset() {
        script.clear();
        seen.clear();
    }

    void then(Reply reply) {
        script.addLast(reply);
    }

    List<Seen> seen() {
        return new ArrayList<>(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
        Reply reply = script.pollFirst();
        if (reply == null) {
            reply = new Reply(500, Map.of(), "{\"error\":\"unscripted\"}", 0);
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
        exchange.close();
    }
}
