package dev.agentarena.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UserLimitsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstThenTheSustainedRate() {
        UserLimits limits = new UserLimits(6, 2, 10, now::get);
        assertThat(limits.tryAcquire("ann")).isTrue();
        assertThat(limits.tryAcquire("ann")).isTrue();
        assertThat(limits.tryAcquire("ann")).as("burst of 2 used").isFalse();
        assertThat(limits.tryAcquire("bob")).as("another user is not affected").isTrue();
        now.addAndGet(10_000_000_000L); // 6 a minute: one more every 10 s
        assertThat(limits.tryAcquire("ann")).isTrue();
        assertThat(limits.tryAcquire("ann")).isFalse();
    }

    @Test
    void requestsInProgressAreBoundedAndReleased() {
        UserLimits limits = new UserLimits(600, 10, 1, now::get);
        assertThat(limits.tryAcquire("ann")).isTrue();
        assertThat(limits.tryAcquire("ann")).as("one at a time").isFalse();
        limits.release("ann");
        assertThat(limits.tryAcquire("ann")).isTrue();
    }
}
