package dev.agentarena.contracts.messages;

/** The payload of {@link CommandType#RENAME_USER}: the new name, under the same rules as {@link CreateUserPayload}. */
public record RenameUserPayload(String name) {
}
