package dev.agentarena.engine.ws;

/**
 * A token bucket per connection: {@code burst} messages at once, refilled at {@code perSecond}. Used from
 * the connection's own event-loop thread only, hence no synchronization.
 */
final class RateLimiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimiter(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
