package dev.agentarena.contracts.messages;

/** Schema version of the Kafka messages defined in this package. */
public final class MessageSchema {

    public static final int CURRENT = 1;

    private MessageSchema() {
    }

    /** Rejects a message written by a newer schema than this reader understands. */
    public static void requireSupported(int schema, String what) {
        if (schema < 1 || schema > CURRENT) {
            throw new IllegalArgumentException(what + " has schema " + schema + "; this reader supports 1.." + CURRENT);
        }
    }
}
