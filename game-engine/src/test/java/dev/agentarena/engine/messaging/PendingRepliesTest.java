package dev.agentarena.engine.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRepliesTest {

    private final PendingReplies<String> pending = new PendingReplies<>();
    private final List<String> answers = new ArrayList<>();
    private final List<String> timeouts = new ArrayList<>();

    @Test
    void answersReachTheWaiterUntilTheLastOne() {
        pending.await("r1", Duration.ofSeconds(10), answers::add, () -> timeouts.add("r1"));
        assertThat(pending.deliver("r1", "progress", false)).isTrue();
        assertThat(pending.deliver("r1", "done", true)).isTrue();
        assertThat(pending.deliver("r1", "late", true)).isFalse();
        assertThat(answers).containsExactly("progress", "done");
        assertThat(pending.size()).isZero();
    }

    @Test
    void answersForSomeoneElseAreIgnored() {
        assertThat(pending.deliver("other-replica", "x", true)).isFalse();
    }

    @Test
    void anExpiredWaitIsToldOnceAndForgotten() {
        pending.await("r1", Duration.ofMillis(10), answers::add, () -> timeouts.add("r1"));
        pending.await("r2", Duration.ofSeconds(60), answers::add, () -> timeouts.add("r2"));
        long later = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        pending.expire(later);
        pending.expire(later);
        assertThat(timeouts).containsExactly("r1");
        assertThat(pending.deliver("r1", "too late", true)).isFalse();
        assertThat(pending.size()).isEqualTo(1);
    }
}
