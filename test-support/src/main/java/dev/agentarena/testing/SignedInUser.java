package dev.agentarena.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A user signed in through an engine's {@code POST /api/session}, as the page does; its token signs WebSocket
 * handshakes in ({@link #bearer()}). For tests and benchmarks that run against a whole stack.
 */
public record SignedInUser(String id, String name, String token) {

    /** Signs in as {@code name} on the engine at {@code engineUrl} (any http or ws URL of it: only host and port count). */
    public static SignedInUser signIn(String engineUrl, String name) {
        URI engine = URI.create(engineUrl);
        URI session = URI.create("http://" + engine.getHost() + ":" + engine.getPort() + "/api/session");
        HttpRequest request = HttpRequest.newBuilder(session)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MessageInbox.JSON.createObjectNode().put("name", name).toString()))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("sign-in as " + name + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = MessageInbox.JSON.readTree(response.body());
            return new SignedInUser(answer.path("user").path("id").asText(), name, answer.path("token").asText());
        } catch (IOException e) {
            throw new IllegalStateException("could not sign in as " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing in as " + name, e);
        }
    }

    /** The handshake headers that sign a WebSocket in as this user. */
    public Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token);
    }
}
