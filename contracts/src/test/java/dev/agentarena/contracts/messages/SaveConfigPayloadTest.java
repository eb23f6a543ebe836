package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SaveConfigPayloadTest {

    @Test
    void aValidPayloadHasNoErrors() {
        assertThat(SaveConfigPayload.errorsIn(Json.tree("{\"name\":\" Big \",\"settings\":{\"worldWidth\":1200}}"))).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsPathInThePayload() {
        assertThat(SaveConfigPayload.errorsIn(Json.tree("{\"name\":\"  \",\"settings\":{\"visualRange\":-5},\"colour\":1}")))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(
                        tuple("/name", "REQUIRED"),
                        tuple("/settings/visualRange", "OUT_OF_RANGE"),
                        tuple("/colour", "UNKNOWN_FIELD"));
        assertThat(SaveConfigPayload.errorsIn(Json.tree("{\"name\":\"" + "n".repeat(81) + "\",\"settings\":{\"warp\":1}}")))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(
                        tuple("/name", "TOO_LONG"),
                        tuple("/settings/warp", "BAD_VALUE"));
        assertThat(SaveConfigPayload.errorsIn(Json.tree("{\"name\":7,\"settings\":[]}")))
                .extracting(FieldError::path).containsExactly("/name", "/settings");
        assertThat(SaveConfigPayload.errorsIn(Json.tree("[]"))).extracting(FieldError::path).containsExactly("");
    }
}
