package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A re-sent request gets the first outcome and never a second command; a result after TIMEOUT arrives late. */
class RequestLedgerTest {

    private final RequestLedger ledger = new RequestLedger();
    private final AtomicInteger made = new AtomicInteger();

    @Test
    void aRequestSentAgainGetsTheFirstOutcomeWithoutASecondCommand() {
        RequestLedger.Request first = ledger.requestFor("alice:r1", this::newCommand, 0);
        Heard a = new Heard();
        assertThat(first.attach(a)).as("the first asker sends").isTrue();
        Heard joining = new Heard();
        assertThat(ledger.requestFor("alice:r1", this::newCommand, 1).attach(joining)).as("in flight: joins").isFalse();

        PersistenceResult ok = PersistenceResult.ok(first.command, null);
        assertThat(ledger.complete(ok)).isTrue();
        assertThat(a.onTime).containsExactly(ok);
        assertThat(joining.onTime).containsExactly(ok);

        Heard later = new Heard();
        RequestLedger.Request again = ledger.requestFor("alice:r1", this::newCommand, 2);
        assertThat(again.attach(later)).isFalse();
        assertThat(later.onTime).containsExactly(ok);
        assertThat(made).hasValue(1);
        assertThat(again.command.commandId()).isEqualTo(first.command.commandId());
    }

    @Test
    void aResultAfterTheTimeoutIsDeliveredLateAndAReSendAfterTheTimeoutSendsTheSameCommand() {
        RequestLedger.Request request = ledger.requestFor("bob:r1", this::newCommand, 0);
        Heard asker = new Heard();
        request.attach(asker);
        PersistenceResult timeout = PersistenceResult.failed(request.command, ResultStatus.ERROR, "timeout", List.of());
        request.timeOut(timeout);
        assertThat(asker.onTime).containsExactly(timeout);

        Heard resending = new Heard();
        RequestLedger.Request again = ledger.requestFor("bob:r1", this::newCommand, 5);
        assertThat(again.attach(resending)).as("outcome unknown: send the same command again").isTrue();
        assertThat(again.command.commandId()).isEqualTo(request.command.commandId());

        PersistenceResult ok = PersistenceResult.ok(request.command, null);
        ledger.complete(ok);
        ledger.complete(PersistenceResult.failed(request.command, ResultStatus.CONFLICT, "a second answer", List.of()));
        assertThat(asker.late).containsExactly(ok);
        assertThat(resending.onTime).containsExactly(ok);
        assertThat(made).hasValue(1);
    }

    @Test
    void keysOfDifferentUsersNeverMeetAndRequestsAreForgottenAfterTenMinutes() {
        RequestLedger.Request alice = ledger.requestFor("alice:same", this::newCommand, 0);
        RequestLedger.Request bob = ledger.requestFor("bob:same", this::newCommand, 0);
        assertThat(alice.command.commandId()).isNotEqualTo(bob.command.commandId());

        long tenMinutes = RequestLedger.KEEP.toNanos();
        ledger.expire(tenMinutes);
        assertThat(ledger.size()).isZero();
        assertThat(ledger.complete(PersistenceResult.ok(alice.command, null))).isFalse();
        assertThat(ledger.requestFor("alice:same", this::newCommand, tenMinutes).command.commandId())
                .isNotEqualTo(alice.command.commandId());
    }

    private PersistenceCommand newCommand() {
        made.incrementAndGet();
        return PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.SAVE_CONFIG, "u", "c", null, null);
    }

    private static final class Heard implements PersistenceReply {
        final List<PersistenceResult> onTime = new ArrayList<>();
        final List<PersistenceResult> late = new ArrayList<>();

        @Override
        public void onResult(PersistenceResult result) {
            onTime.add(result);
        }

        @Override
        public void onLateResult(PersistenceResult result) {
            late.add(result);
        }
    }
}
