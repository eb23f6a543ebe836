package dev.agentarena.engine.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the persistence service is answering, judged from what this engine sees: UNAVAILABLE once commands have
 * waited {@code silence} with no result at all arriving meanwhile, available again with the next result. While
 * unavailable, new commands are refused at once instead of each waiting for its own timeout, except one per
 * {@code silence}, let through as a probe: with every command refused and the waiting ones lost (a broker away for
 * longer than the producer keeps them), no result could ever come and the engine would refuse for good. Both states
 * and the probes are counted.
 */
public final class PersistenceAvailability {

    private final long silenceNanos;
    private final AtomicLong lastResultNanos;
    /** When the oldest command still waiting was sent, or Long.MAX_VALUE when none waits. */
    private final AtomicLong oldestWaitingSinceNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicBoolean unavailable = new AtomicBoolean();
    /** When the last probe went out while unavailable (or when it turned unavailable). */
    private final AtomicLong lastProbeNanos = new AtomicLong();
    private final Counter becameUnavailable;
    private final Counter becameAvailable;
    private final Counter refused;
    private final Counter probes;

    public PersistenceAvailability(Duration silence, MeterRegistry registry, long nowNanos) {
        this.silenceNanos = silence.toNanos();
        this.lastResultNanos = new AtomicLong(nowNanos);
        registry.gauge("arena.engine.persistence.available", unavailable, flag -> flag.get() ? 0 : 1);
        becameUnavailable = registry.counter("arena.engine.persistence.availability.changes", "state", "UNAVAILABLE");
        becameAvailable = registry.counter("arena.engine.persistence.availability.changes", "state", "AVAILABLE");
        refused = registry.counter("arena.engine.persistence.refused.unavailable");
        probes = registry.counter("arena.engine.persistence.probes");
    }

    /** A result arrived: the service answers. */
    public void resultArrived(long nowNanos) {
        lastResultNanos.set(nowNanos);
        if (unavailable.compareAndSet(true, false)) {
            becameAvailable.increment();
        }
    }

    /**
     * Called periodically with the send time of the oldest command still waiting (Long.MAX_VALUE: none waits):
     * turns UNAVAILABLE when that command and the last result are both older than the silence.
     */
    public void check(long oldestWaitingSentNanos, long nowNanos) {
        oldestWaitingSinceNanos.set(oldestWaitingSentNanos);
        boolean silent = oldestWaitingSentNanos != Long.MAX_VALUE
                && nowNanos - oldestWaitingSentNanos >= silenceNanos
                && nowNanos - lastResultNanos.get() >= silenceNanos;
        if (silent && unavailable.compareAndSet(false, true)) {
            lastProbeNanos.set(nowNanos);
            becameUnavailable.increment();
        }
    }

    /** True when a new command should be refused now (and counts the refusal); false for a probe (counted too). */
    public boolean refuseNow(long nowNanos) {
        if (!unavailable.get()) {
            return false;
        }
        long last = lastProbeNanos.get();
        if (nowNanos - last >= silenceNanos && lastProbeNanos.compareAndSet(last, nowNanos)) {
            probes.increment();
            return false;
        }
        refused.increment();
        return true;
    }

    public boolean isAvailable() {
        return !unavailable.get();
    }
}
