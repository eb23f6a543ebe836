package dev.agentarena.engine.ws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random and malformed client frames, reproducible from a seed: every message type of the protocol with
 * fields of the wrong type, huge numbers, unicode tricks (lone surrogates, RTL overrides, NUL, as JSON
 * escapes), 60 KB strings and deep nesting, plus broken JSON, oversized frames and binary frames.
 * No string it makes is a valid world id, so the fuzz creates no world.
 */
final class FrameFuzzer {

    /** One frame to send: text or binary. */
    record Frame(String text, byte[] binary) {
    }

    static final List<String> TYPES = List.of("save_config", "delete_config", "list_configs", "validate_behavior",
            "save_behavior", "delete_behavior", "list_behaviors", "assign_behavior", "llm_query", "list_worlds",
            "create_world", "delete_world", "start", "pause", "step", "reset", "add_agent", "apply_config",
            "viewport", "request_keyframe", "resume", "run_scenario", "list_matches", "watch_agent", "get_config_schema",
            "get_behavior_language", "get_limits", "rename_user", "list_scenarios");

    private static final List<String> FIELDS = List.of("requestId", "config", "configId", "version", "behavior",
            "behaviorId", "document", "team", "agentIds", "count", "worldId", "prompt", "text", "name", "settings",
            "x", "y", "w", "h", "id", "rules", "cursor", "limit", "resumeToken", "scenario", "before", "agentId");

    /** JSON literals (already encoded): numbers at and past every limit. */
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "-2147483648", "2147483648",
            "9223372036854775807", "9223372036854775808", "1e308", "1e309", "-1e309", "0.5", "-0.0", "1E-400",
            "123456789012345678901234567890123456789", "0.0000000000000000000000000001");

    /** JSON string contents (already escaped): unicode tricks and markup, none a valid world id. */
    private static final List<String> STRINGS = List.of("", " ", "\\ud800", "\\udfff\\ud800", "a\\u0000b",
            "\\u202eevil", "\\u200f\\u202b", "\\ufeff", "\\uffff", "e\\u0301", "<script>alert(1)</script>",
            "../../etc/passwd", "default world", "\\\"quoted\\\"", "\\n\\r\\t", "名前", "🦄💥", "null?", "%00%ff",
            "${jndi:ldap://x}", "self.health > 0.5 &&", "x".repeat(65) + "!");

    private final Random random;

    FrameFuzzer(long seed) {
        this.random = new Random(seed);
    }

    Frame next() {
        int kind = random.nextInt(100);
        if (kind < 55) {
            return text(message(TYPES.get(random.nextInt(TYPES.size()))));
        }
        if (kind < 62) {
            return text(message(nastyString()));
        }
        if (kind < 70) {
            return text(truncated(message(TYPES.get(random.nextInt(TYPES.size())))));
        }
        if (kind < 76) {
            return text(deepNesting());
        }
        if (kind < 82) {
            return text(value(3));
        }
        if (kind < 88) {
            return text(randomCharacters(random.nextInt(200)));
        }
        if (kind < 94) {
            byte[] bytes = new byte[random.nextInt(2_000) + 1];
            random.nextBytes(bytes);
            return new Frame(null, bytes);
        }
        if (kind < 98) {
            return text("{\"type\":\"save_config\",\"requestId\":\"r\",\"config\":{\"name\":\"" + "x".repeat(60_000) + "\"}}");
        }
        return text("{\"type\":\"list_configs\",\"requestId\":\"huge\",\"pad\":\"" + "y".repeat(70_000) + "\"}");
    }

    private static Frame text(String text) {
        return new Frame(text, null);
    }

    /** An object with a type, maybe a requestId, and random fields of random values. */
    private String message(String type) {
        StringBuilder out = new StringBuilder("{\"type\":");
        out.append(random.nextInt(10) == 0 ? value(1) : "\"" + type + "\"");
        if (random.nextBoolean()) {
            out.append(",\"requestId\":").append(random.nextInt(4) == 0 ? value(1) : "\"fz-" + random.nextInt(1_000_000) + "\"");
        }
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            out.append(",\"").append(random.nextInt(8) == 0 ? nastyString() : FIELDS.get(random.nextInt(FIELDS.size())))
                    .append("\":").append(value(3));
        }
        return out.append('}').toString();
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
            case 1, 2 -> "\"" + nastyString() + "\"";
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> random.nextInt(20) == 0 ? "\"" + "é".repeat(30_000) + "\"" : "\"" + "z".repeat(random.nextInt(64)) + "?\"";
            case 6, 7 -> {
                StringBuilder object = new StringBuilder("{");
                int fields = random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    object.append(i == 0 ? "" : ",").append('"').append(FIELDS.get(random.nextInt(FIELDS.size())))
                            .append("\":").append(value(depth - 1));
                }
                yield object.append('}').toString();
            }
            default -> {
                StringBuilder array = new StringBuilder("[");
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.append(i == 0 ? "" : ",").append(value(depth - 1));
                }
                yield array.append(']').toString();
            }
        };
    }

    private String nastyString() {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    private String truncated(String frame) {
        return frame.substring(0, random.nextInt(frame.length()));
    }

    private String deepNesting() {
        int depth = 1_000 + random.nextInt(9_001);
        return switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth);
            case 1 -> "{\"type\":\"list_configs\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            default -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        };
    }

    /** Random code points, lone surrogates among them, as a Java string (sent as valid UTF-8). */
    private String randomCharacters(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) random.nextInt(0x3000));
        }
        return new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
