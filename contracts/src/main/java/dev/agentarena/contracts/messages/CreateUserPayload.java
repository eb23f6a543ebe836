package dev.agentarena.contracts.messages;

/** The payload of {@link CommandType#CREATE_USER}: the wished name (1–40 characters once trimmed, unique ignoring case). */
public record CreateUserPayload(String name) {
}
