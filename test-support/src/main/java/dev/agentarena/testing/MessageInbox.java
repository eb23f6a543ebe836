package dev.agentarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The JSON messages a test WebSocket client received: all of them in order, and those not yet awaited. */
final class MessageInbox {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> pending = new LinkedBlockingQueue<>();
    private final List<JsonNode> history = new ArrayList<>();

    /** Records a text message, and returns it; one that is no JSON is kept as {@code {"type":"unparseable","raw":...}}. */
    JsonNode receivedText(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            message = JSON.createObjectNode().put("type", "unparseable").put("raw", text);
        }
        received(message);
        return message;
    }

    synchronized void received(JsonNode message) {
        history.add(message);
        pending.add(message);
    }

    JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left > 0 ? pending.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    throw new AssertionError("no matching message within " + timeout + "; last received: "
                            + lastNonState());
                }
                if (match.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Forgets what was received so far (a test that receives megabytes would otherwise keep them all). */
    synchronized void clear() {
        history.clear();
        pending.clear();
    }

    synchronized List<JsonNode> history() {
        return List.copyOf(history);
    }

    private synchronized String lastNonState() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!"state".equals(history.get(i).path("type").asText())) {
                String message = history.get(i).toString();
                return message.length() <= 500 ? message : message.substring(0, 500) + "… (" + message.length() + " chars)";
            }
        }
        return "(nothing but state)";
    }
}
