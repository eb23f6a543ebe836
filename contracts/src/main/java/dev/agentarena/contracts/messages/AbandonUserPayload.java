package dev.agentarena.contracts.messages;

/**
 * The payload of {@link CommandType#ABANDON_USER}: what identifies the unclaimed user beyond its id, the commandId of
 * the CREATE_USER that made it and the hash of the token nobody got. The persistence service deletes the user only
 * while both still match and the user is unchanged since, so this command can never remove an account in use.
 */
public record AbandonUserPayload(String createCommandId, String tokenHash) {
}
