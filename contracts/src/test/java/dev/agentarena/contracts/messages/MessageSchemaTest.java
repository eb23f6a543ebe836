package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rolling upgrade runs this build next to the next one on the same topics: what the next minor writes (more
 * fields, here and inside nested records) must read here, while another major and a broken shape must not.
 */
class MessageSchemaTest {

    /** A config record as the next minor would write it: a new top-level field and a new game setting. */
    private static String nextMinorConfigRecord() {
        ObjectNode record = (ObjectNode) Json.toTree(new ConfigRecord(MessageSchema.CURRENT, "c1", "u1", "Duel", false, 3,
                Instant.parse("2026-12-01T10:00:00Z"), Json.read("{\"teamCount\": 2}", ArenaConfig.class)));
        record.put("schemaMinor", 1);
        record.put("tags", "ranked");
        ((ObjectNode) record.get("settings")).put("fogOfWar", true);
        return Json.write(record);
    }

    @Test
    void aRecordFromTheNextMinorReadsWithItsNewFieldsIgnored() {
        ConfigRecord record = MessageSchema.read(nextMinorConfigRecord(), ConfigRecord.class);

        assertThat(record.id()).isEqualTo("c1");
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.settings().teamCount()).isEqualTo(2);
    }

    @Test
    void theSameRecordStaysRejectedByTheStrictMappingThatClientInputUses() {
        assertThatThrownBy(() -> Json.read(nextMinorConfigRecord(), ConfigRecord.class))
                .isInstanceOf(JsonReadException.class)
                .hasMessageContaining("Unrecognized field");
    }

    @Test
    void aCommandFromTheNextMinorKeepsItsPayloadForTheTolerantConvert() {
        ObjectNode command = (ObjectNode) Json.toTree(PersistenceCommand.of("cmd-1", CommandType.SAVE_CONFIG, "u1", "c1",
                null, Json.toTree(new SaveConfigPayload("Duel", ArenaConfig.defaults()))));
        command.put("schemaMinor", 1).put("traceHint", "x");
        ((ObjectNode) command.get("payload")).put("description", "a new optional field");

        PersistenceCommand read = MessageSchema.read(Json.write(command), PersistenceCommand.class);
        SaveConfigPayload payload = MessageSchema.convert(read.payload(), SaveConfigPayload.class);

        assertThat(read.commandId()).isEqualTo("cmd-1");
        assertThat(read.type()).isEqualTo(CommandType.SAVE_CONFIG);
        assertThat(payload.name()).isEqualTo("Duel");
        assertThat(payload.settings()).isEqualTo(ArenaConfig.defaults());
    }

    @Test
    void anotherMajorIsRefusedWithBothVersionsNamed() {
        ObjectNode event = (ObjectNode) Json.toTree(LlmEvent.of("r1", LlmStage.DONE, "hi", "offline", true));
        event.put("schema", 2);

        assertThatThrownBy(() -> MessageSchema.read(Json.write(event), LlmEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LlmEvent has schema 2")
                .hasMessageContaining("major version 1");
    }

    @Test
    void aKnownFieldOfTheWrongTypeIsStillAShapeError() {
        ObjectNode event = (ObjectNode) Json.toTree(LlmEvent.of("r1", LlmStage.DONE, "hi", "offline", true));
        event.put("offline", "maybe").put("schemaMinor", 4);

        assertThatThrownBy(() -> MessageSchema.read(Json.write(event), LlmEvent.class))
                .isInstanceOf(JsonReadException.class)
                .hasMessageContaining("/offline");
    }

    @Test
    void aNodeOfTheWrongShapeIsAReadErrorNotAnUncheckedOne() {
        JsonNode notAnEntity = Json.tree("[1, 2]");

        assertThatThrownBy(() -> MessageSchema.convert(notAnEntity, ConfigRecord.class))
                .isInstanceOf(JsonReadException.class);
    }
}
