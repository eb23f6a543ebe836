package dev.agentarena.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A plain producer and consumer on the test broker, for tests that play the other side of a topic. */
public final class KafkaTestClient implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> unmatched = new ArrayList<>();

    /** Subscribes to {@code topics} from their end (only records produced from now on are seen). */
    public KafkaTestClient(String... topics) {
        String bootstrap = KafkaTestResource.bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
        // Join the group and fix the positions now, so nothing produced after the constructor is missed.
        long deadline = System.currentTimeMillis() + 30_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** Sends with headers, e.g. the {@code traceparent} another service's producer would add. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * The first record, in arrival order, that matches and was not returned by an earlier call; polls until one
     * arrives or {@code timeout} passes. Returns the records looked at, the match last. A record that did not match
     * stays available to later calls, so records polled together (an answer and a changelog) are all seen.
     */
    public List<ConsumerRecord<String, String>> awaitRecord(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<ConsumerRecord<String, String>> it = unmatched.iterator(); it.hasNext(); ) {
                ConsumerRecord<String, String> record = it.next();
                seen.add(record);
                if (match.test(record)) {
                    it.remove();
                    return seen;
                }
            }
            seen.clear();
            if (System.nanoTime() >= deadline) {
                break;
            }
            consumer.poll(Duration.ofMillis(100)).forEach(unmatched::add);
        }
        throw new AssertionError("no matching record within " + timeout + "; saw " + unmatched.size() + " records: " + unmatched);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
