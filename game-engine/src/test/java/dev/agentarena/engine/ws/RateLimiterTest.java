package dev.agentarena.engine.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenTheRateApplies() {
        RateLimiter limiter = new RateLimiter(10, 3, 0);
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isFalse();
        assertThat(limiter.tryAcquire(SECOND / 10)).isTrue();
        assertThat(limiter.tryAcquire(SECOND / 10)).isFalse();
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 2, 0);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (limiter.tryAcquire(100 * SECOND)) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(2);
    }
}
