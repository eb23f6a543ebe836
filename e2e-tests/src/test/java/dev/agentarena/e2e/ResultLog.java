package dev.agentarena.e2e;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.PersistenceResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every persistence result on the broker, from the topic's start, collected by a background consumer that
 * reconnects by itself through broker outages: for counting lost and duplicated answers per command.
 */
final class ResultLog implements AutoCloseable {

    /** One result and when (System.nanoTime) it was read. */
    record Received(PersistenceResult result, long atNanos) {
    }

    private final Map<String, List<Received>> byCommand = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    ResultLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.PERSISTENCE_RESULTS));
        poller = new Thread(this::poll, "result-log");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    PersistenceResult result = Json.read(record.value(), PersistenceResult.class);
                    byCommand.computeIfAbsent(result.commandId(), id -> new CopyOnWriteArrayList<>())
                            .add(new Received(result, System.nanoTime()));
                }
            }
        } catch (WakeupException stopping) {
            // close() was called.
        } finally {
            consumer.close();
        }
    }

    List<Received> of(String commandId) {
        return byCommand.getOrDefault(commandId, List.of());
    }

    long answered(Set<String> commandIds) {
        return commandIds.stream().filter(byCommand::containsKey).count();
    }

    /** Waits until every one of {@code commandIds} has a result; returns how many have none at the deadline. */
    long awaitAll(Set<String> commandIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered(commandIds) < commandIds.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return commandIds.size() - answered(commandIds);
    }

    /** The earliest time any result for {@code commandIds} was read after {@code sinceNanos}, or -1. */
    long firstAnswerAfter(Set<String> commandIds, long sinceNanos) {
        return commandIds.stream().flatMap(id -> of(id).stream()).mapToLong(Received::atNanos)
                .filter(at -> at > sinceNanos).min().orElse(-1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
