package dev.agentarena.contracts.messages;

/**
 * The payload of {@link CommandType#CREATE_USER}: the wished name (1–40 characters once trimmed, unique ignoring
 * case) and the hash ({@link TokenGrant#hashOf}) of the token the engine made for the new user. The token itself
 * never travels over Kafka: the engine hands it to the browser, persistence stores and publishes only its hash.
 */
public record CreateUserPayload(String name, String tokenHash) {
}
