package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a persistence result becomes the client's error code. */
class PersistenceRepliesTest {

    @Test
    void aQuotaRefusalIsQuotaExceededAndOtherRefusalsStayForbidden() {
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.FORBIDDEN, "QUOTA_EXCEEDED"), ErrorCode.INVALID_CONFIG))
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.FORBIDDEN, "NOT_OWNER"), ErrorCode.INVALID_CONFIG))
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void errorsSayWhetherTheOutcomeIsUnknownOrNothingWasSent() {
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.ERROR, "TIMEOUT"), ErrorCode.INVALID_CONFIG))
                .isEqualTo(ErrorCode.TIMEOUT);
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.ERROR, "UNAVAILABLE"), ErrorCode.INVALID_CONFIG))
                .isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.ERROR, "WRITE_FAILED"), ErrorCode.INVALID_CONFIG))
                .isEqualTo(ErrorCode.UPSTREAM_ERROR);
    }

    @Test
    void okIsNoErrorAndInvalidTakesTheKindsCode() {
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.OK, null), ErrorCode.INVALID_BEHAVIOR)).isNull();
        assertThat(PersistenceReplies.codeOf(result(ResultStatus.INVALID, "OUT_OF_RANGE"), ErrorCode.INVALID_BEHAVIOR))
                .isEqualTo(ErrorCode.INVALID_BEHAVIOR);
    }

    private static PersistenceResult result(ResultStatus status, String errorCode) {
        List<FieldError> errors = errorCode == null ? List.of() : List.of(new FieldError("", errorCode, "why"));
        return new PersistenceResult(MessageSchema.CURRENT, "c1", CommandType.SAVE_CONFIG, status, null, errors, "why");
    }
}
