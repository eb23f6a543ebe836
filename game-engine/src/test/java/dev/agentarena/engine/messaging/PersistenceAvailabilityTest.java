package dev.agentarena.engine.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Silence while commands wait turns persistence UNAVAILABLE; the next result turns it back; both are counted. */
class PersistenceAvailabilityTest {

    private static final long SECOND = 1_000_000_000L;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PersistenceAvailability availability = new PersistenceAvailability(Duration.ofSeconds(5), registry, 0);

    @Test
    void silenceWithoutWaitingCommandsIsNoOutage() {
        availability.check(Long.MAX_VALUE, 60 * SECOND);
        assertThat(availability.refuseNow(60 * SECOND)).isFalse();
    }

    @Test
    void commandsWaitingFiveSecondsWithNoResultMeanUnavailableUntilTheNextResult() {
        availability.check(2 * SECOND, 6 * SECOND);
        assertThat(availability.isAvailable()).as("the oldest waited only 4 s").isTrue();
        availability.check(2 * SECOND, 7 * SECOND);
        assertThat(availability.refuseNow(8 * SECOND)).isTrue();
        assertThat(registry.get("arena.engine.persistence.available").gauge().value()).isZero();

        availability.resultArrived(8 * SECOND);
        assertThat(availability.refuseNow(8 * SECOND)).isFalse();
        assertThat(registry.get("arena.engine.persistence.probes").counter().count()).as("no probe was due").isZero();
        assertThat(registry.get("arena.engine.persistence.availability.changes").tag("state", "UNAVAILABLE").counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.engine.persistence.availability.changes").tag("state", "AVAILABLE").counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.engine.persistence.refused.unavailable").counter().count()).isEqualTo(1);
    }

    @Test
    void whileUnavailableOneCommandPerSilenceGoesThroughAsAProbe() {
        availability.check(0, 5 * SECOND);
        assertThat(availability.refuseNow(5 * SECOND)).isTrue();
        assertThat(availability.refuseNow(9 * SECOND)).isTrue();
        assertThat(availability.refuseNow(10 * SECOND)).as("5 s after turning unavailable: a probe").isFalse();
        assertThat(availability.refuseNow(10 * SECOND)).as("one probe only").isTrue();
        assertThat(availability.refuseNow(14 * SECOND)).isTrue();
        assertThat(availability.refuseNow(15 * SECOND)).as("the next probe, 5 s later").isFalse();
        assertThat(availability.isAvailable()).as("a probe sent is no answer").isFalse();
        assertThat(registry.get("arena.engine.persistence.probes").counter().count()).isEqualTo(2);
        assertThat(registry.get("arena.engine.persistence.refused.unavailable").counter().count()).isEqualTo(4);
    }

    @Test
    void aRecentResultKeepsItAvailableEvenWithAnOldWait() {
        availability.resultArrived(9 * SECOND);
        availability.check(1 * SECOND, 10 * SECOND);
        assertThat(availability.isAvailable()).isTrue();
    }
}
