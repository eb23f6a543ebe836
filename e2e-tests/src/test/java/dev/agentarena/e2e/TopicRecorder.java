package dev.agentarena.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every record of some topics from their beginning, with when the test saw it, on a thread of its own. */
final class TopicRecorder implements AutoCloseable {

    /** One record as seen; {@code value} null for a tombstone. */
    record Seen(String topic, int partition, long offset, String key, String value, long seenAtMillis) {
    }

    private final List<Seen> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    TopicRecorder(String bootstrapServers, List<String> topics) {
        thread = new Thread(() -> run(bootstrapServers, topics), "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String bootstrapServers, List<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopped) {
                long now = System.currentTimeMillis();
                consumer.poll(Duration.ofMillis(50)).forEach(record -> records.add(new Seen(record.topic(),
                        record.partition(), record.offset(), record.key(), record.value(), now)));
            }
        }
    }

    List<Seen> records(String topic) {
        return records.stream().filter(seen -> seen.topic().equals(topic)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5000);
    }
}
