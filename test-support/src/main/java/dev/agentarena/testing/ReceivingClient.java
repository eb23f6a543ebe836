package dev.agentarena.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** What every test WebSocket client offers for the JSON messages it receives. */
public abstract class ReceivingClient {

    final MessageInbox inbox = new MessageInbox();

    ReceivingClient() {
    }

    /** The next message matching {@code match}; messages skipped on the way stay in {@link #history()}. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return inbox.await(match, timeout);
    }

    public JsonNode awaitType(String type, Duration timeout) {
        return await(message -> type.equals(message.path("type").asText()), timeout);
    }

    /** Every JSON message received so far, in order. */
    public List<JsonNode> history() {
        return inbox.history();
    }
}
