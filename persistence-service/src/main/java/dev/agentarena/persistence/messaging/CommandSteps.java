package dev.agentarena.persistence.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where a command's time goes inside this service, one histogram per step ({@code arena.persistence.command.step}),
 * so that a slow save can be pinned on a hop: waiting on Kafka, the processed-command lookup, the write, or
 * publishing and answering.
 */
final class CommandSteps {

    enum Step {
        /** From the record's timestamp (set by the sender's producer) until this service starts on it. */
        QUEUED,
        /** Reading the answer already recorded for the command id. */
        LOOKUP,
        /** Applying the command to MongoDB (its reads and its write). */
        APPLY,
        /** Publishing the change, recording the answer and sending it. */
        FINISH
    }

    private final Map<Step, Timer> timers = new EnumMap<>(Step.class);

    CommandSteps(MeterRegistry registry) {
        for (Step step : Step.values()) {
            timers.put(step, Timer.builder("arena.persistence.command.step")
                    .description("one step of handling a command (queued: Kafka record timestamp to the start, ms precision)")
                    .tag("step", step.name().toLowerCase())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
        }
    }

    /** Records how long a record stamped at {@code recordTimestampMillis} waited before its handling began. */
    void queued(long recordTimestampMillis) {
        timers.get(Step.QUEUED).record(Math.max(0, System.currentTimeMillis() - recordTimestampMillis), TimeUnit.MILLISECONDS);
    }

    /** {@code step}, timed from its subscription to its item or failure. */
    <T> Uni<T> timed(Step step, Supplier<Uni<T>> operation) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return operation.get().onItemOrFailure()
                    .invoke(() -> timers.get(step).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }
}
