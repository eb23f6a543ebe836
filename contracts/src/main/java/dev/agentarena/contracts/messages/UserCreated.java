package dev.agentarena.contracts.messages;

/**
 * The entity of an OK {@link CommandType#CREATE_USER} result: the user and their token. This is the only place the
 * token ever appears; persistence keeps only its SHA-256 hash.
 */
public record UserCreated(UserRecord user, String token) {
}
