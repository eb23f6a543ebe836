package dev.agentarena.persistence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.DeadLetter.Reason;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one Kafka message as a command, or says why it is not one. The checks run from the cheapest to the most
 * specific, so that a message from a newer writer is recognised as such before its unknown shape is misread.
 */
final class CommandReader {

    /** Ids are short, printable and safe in a log line or a Kafka key. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Set<String> TYPES = Arrays.stream(CommandType.values()).map(Enum::name).collect(Collectors.toSet());

    /** Either {@code command} or {@code reason} (with {@code commandId} when the message named one) is set. */
    record Reading(PersistenceCommand command, Reason reason, String detail, String commandId) {

        static Reading rejected(Reason reason, String detail, String commandId) {
            return new Reading(null, reason, detail, commandId);
        }
    }

    private final int maxChars;

    CommandReader(int maxChars) {
        this.maxChars = maxChars;
    }

    Reading read(String message) {
        if (message == null) {
            return Reading.rejected(Reason.BAD_JSON, "an empty message", null);
        }
        if (message.length() > maxChars) {
            return Reading.rejected(Reason.OVERSIZED, message.length() + " characters; at most " + maxChars, null);
        }
        JsonNode tree;
        try {
            tree = Json.tree(message);
        } catch (JsonReadException e) {
            return Reading.rejected(Reason.BAD_JSON, e.getMessage(), null);
        }
        String commandId = tree.path("commandId").isTextual() ? tree.path("commandId").asText() : null;
        String answerable = commandId != null && ID.matcher(commandId).matches() ? commandId : null;
        if (!tree.isObject()) {
            return Reading.rejected(Reason.BAD_JSON, "a command is a JSON object", null);
        }
        int schema = tree.path("schema").asInt(0);
        if (schema > MessageSchema.CURRENT) {
            return Reading.rejected(Reason.FUTURE_SCHEMA, "schema " + schema + "; this reader supports 1.." + MessageSchema.CURRENT, answerable);
        }
        if (schema < 1) {
            return Reading.rejected(Reason.BAD_JSON, "schema must be a number from 1 to " + MessageSchema.CURRENT, answerable);
        }
        String badId = badId(tree);
        if (badId != null) {
            return Reading.rejected(Reason.BAD_ID, badId, answerable);
        }
        if (!TYPES.contains(tree.path("type").asText(""))) {
            return Reading.rejected(Reason.UNKNOWN_TYPE, "unknown command type " + abbreviate(tree.path("type").toString()), answerable);
        }
        try {
            // Tolerant, like every Kafka read: a newer minor version's extra fields are ignored (rolling upgrades).
            return new Reading(MessageSchema.convert(tree, PersistenceCommand.class), null, null, null);
        } catch (JsonReadException e) {
            return Reading.rejected(Reason.BAD_JSON, e.getMessage(), answerable);
        }
    }

    /** Why the command's ids are unusable, or null: commandId is required, userId and entityId optional. */
    private static String badId(JsonNode tree) {
        if (!validId(tree.path("commandId"), true)) {
            return "commandId must be 1-64 characters of A-Z a-z 0-9 . _ : @ -";
        }
        if (!validId(tree.path("userId"), false)) {
            return "userId must be 1-64 characters of A-Z a-z 0-9 . _ : @ -";
        }
        if (!validId(tree.path("entityId"), false)) {
            return "entityId must be 1-64 characters of A-Z a-z 0-9 . _ : @ -";
        }
        return null;
    }

    private static boolean validId(JsonNode id, boolean required) {
        if (id.isMissingNode() || id.isNull()) {
            return !required;
        }
        return id.isTextual() && ID.matcher(id.asText()).matches();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
