package dev.agentarena.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-user request limits: a token bucket for the rate (sustained per minute, with a burst) and a count of
 * requests in progress. One user hammering the copilot is refused with RATE_LIMITED; nobody else notices.
 */
public final class UserLimits {

    /** Buckets kept before idle ones are dropped (a full bucket carries no information). */
    private static final int MAX_TRACKED = 10_000;

    private final double perNano;
    private final double burst;
    private final int concurrent;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;
        int inFlight;
    }

    public UserLimits(int perMinute, int burst, int concurrent, LongSupplier nanos) {
        this.perNano = perMinute / 60e9;
        this.burst = Math.max(1, burst);
        this.concurrent = concurrent;
        this.nanos = nanos;
    }

    /** Takes a slot for {@code userId}: false when over the rate or the concurrency limit. Pair with {@link #release}. */
    public boolean tryAcquire(String userId) {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> { synchronized (b) { return b.inFlight == 0 && refilled(b, now) >= burst; } });
        }
        Bucket bucket = buckets.computeIfAbsent(userId, id -> {
            Bucket b = new Bucket();
            b.tokens = burst;
            b.refilledAt = now;
            return b;
        });
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.refilledAt = now;
            if (bucket.tokens < 1 || bucket.inFlight >= concurrent) {
                return false;
            }
            bucket.tokens -= 1;
            bucket.inFlight++;
            return true;
        }
    }

    public void release(String userId) {
        Bucket bucket = buckets.get(userId);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.inFlight = Math.max(0, bucket.inFlight - 1);
            }
        }
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perNano);
    }
}
