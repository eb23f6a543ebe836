package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;

/** Schema version of the Kafka messages defined in this package. */
public final class MessageSchema {

    public static final int CURRENT = 1;

    private MessageSchema() {
    }

    /**
     * Reads a Kafka message: malformed JSON or a wrong shape throws {@link JsonReadException}, a schema this
     * reader does not support throws {@link IllegalArgumentException}.
     */
    public static <T extends VersionedMessage> T read(String text, Class<T> type) {
        T message = Json.read(text, type);
        requireSupported(message.schema(), type.getSimpleName());
        return message;
    }

    /** Rejects a message written by a newer schema than this reader understands. */
    public static void requireSupported(int schema, String what) {
        if (schema < 1 || schema > CURRENT) {
            throw new IllegalArgumentException(what + " has schema " + schema + "; this reader supports 1.." + CURRENT);
        }
    }
}
