package dev.agentarena.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.local.Stack;
import dev.agentarena.testing.SignedInUser;
import dev.agentarena.testing.WsTestClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The save round trip a signed-in player waits for (WebSocket {@code save_config} in → {@code config_saved} out, every
 * hop real), paced like a person editing: updates of one config right after the stack started, creates, updates again
 * right after (warm), and once more after {@code steadySeconds} more of unmeasured updates (steady: the JIT compilers of
 * every process have had the save's paths for minutes, as on a server that has been running); beside it, in the same
 * run, a bare Kafka produce → consume round trip on the same broker, the floor of the two Kafka hops a save takes.
 * Each series is {@code count} requests at {@code rate} per second, one at a time.
 * Where each series' time went is read from the services' step histograms (the persistence service's
 * {@code arena.persistence.command.step}, the engine's {@code arena.engine.persistence.result.queued}) before and after
 * it; what they leave of a save's p50 is the engine's own share (WebSocket, validation, routing the answer).
 * The bench starts its own stack (Kafka, embedded MongoDB, the three services' fast-jars) on free ports.
 * Run from the repository root once every service is packaged:
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.agentarena.bench.load.SaveLatencyBench [count] [rate] [steadySeconds]}
 */
public final class SaveLatencyBench {

    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final String ROUND_TRIP_TOPIC = "bench.round-trip";
    private static final int CREATES_PER_USER = 90;

    private SaveLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 25;
        int steadySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        long periodNanos = (long) (1e9 / rate);
        Map<String, Samples> series = new LinkedHashMap<>();
        Map<String, List<String>> hopRows = new LinkedHashMap<>();
        Map<String, Map<String, String>> cpuRows = new LinkedHashMap<>();
        try (Stack stack = Stack.start(new Stack.Options(LoadTool.repoRoot(), Files.createTempDirectory("arena-save-bench"),
                null, null, new Stack.PortPlan(0, 0, 0, 0, 0, 0), Duration.ofSeconds(120), "127.0.0.1"),
                line -> System.out.println("  " + line))) {
            String url = "ws://127.0.0.1:" + stack.engine().port() + "/ws/worlds/default";
            // Creates are spread over users, each below the per-user quota of 100 configs.
            List<WsTestClient> creators = new ArrayList<>();
            for (int i = 0; i < (count + CREATES_PER_USER - 1) / CREATES_PER_USER; i++) {
                creators.add(signedIn(url));
            }
            Hops hops = new Hops(stack.persistence().port(), stack.engine().port());
            try (WsTestClient client = signedIn(url)) {
                Updates updates = new Updates(client);
                List<Series> saves = List.of(
                        new Series("updates of one config, first after start", 0, updates::next),
                        new Series("creates", 0, i -> create(creators.get(i / CREATES_PER_USER), i)),
                        new Series("updates of one config, warm", 0, updates::next),
                        new Series("updates of one config, steady (after " + steadySeconds + " s more of them)",
                                (int) (steadySeconds * rate), updates::next));
                for (Series save : saves) {
                    paced(save.unmeasuredFirst(), periodNanos, save.request());
                    List<TreeMap<Double, Double>> before = hops.read();
                    Map<String, ProcessCpu> cpu = processCpu(stack);
                    Samples samples = paced(count, periodNanos, save.request());
                    series.put(save.name(), samples);
                    hopRows.put(save.name(), hops.row(before, hops.read(), samples.percentile(0.5) / 1e6));
                    cpuRows.put(save.name(), cpuRow(cpu));
                }
            } finally {
                creators.forEach(WsTestClient::close);
            }
            series.put("bare Kafka produce → consume", kafkaRoundTrips(stack.bootstrapServers(), count, periodNanos));
        }
        double floor = series.get("bare Kafka produce → consume").percentile(0.5);
        System.out.printf("%n%d requests per series at %.0f/s, one at a time%n", count, rate);
        System.out.println("| series | p50 ms | p99 ms | max ms | p50 / Kafka p50 |");
        System.out.println("|---|---|---|---|---|");
        series.forEach((name, samples) -> System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f× |%n", name,
                ms(samples.percentile(0.5)), ms(samples.percentile(0.99)), ms(samples.percentile(1.0)),
                samples.percentile(0.5) / floor));
        System.out.println();
        System.out.println("The slowest requests of each series: #position (0 = the series' first) ms");
        series.forEach((name, samples) -> {
            StringBuilder slowest = new StringBuilder();
            for (int index : samples.largest(5)) {
                slowest.append(String.format(" #%d %.1f", index, ms(samples.get(index))));
            }
            System.out.println("- " + name + ":" + slowest);
        });
        System.out.println();
        System.out.println("p50 / p99 ms per hop (from the services' histograms; the rest: the save's p50 less the hops' p50s)");
        System.out.println("| series | " + String.join(" | ", Hops.NAMES) + " | rest |");
        System.out.println("|---|" + "---|".repeat(Hops.NAMES.size() + 1));
        hopRows.forEach((name, cells) -> System.out.println("| " + name + " | " + String.join(" | ", cells) + " |"));
        System.out.println();
        System.out.println("CPU per process during each series, % of one core (200 % = this machine's 2 cores): all (JIT, GC)");
        List<String> processes = List.copyOf(cpuRows.values().iterator().next().keySet());
        System.out.println("| series | " + String.join(" | ", processes) + " |");
        System.out.println("|---|" + "---|".repeat(processes.size()));
        cpuRows.forEach((name, cells) -> System.out.println("| " + name + " | " + String.join(" | ", cells.values()) + " |"));
    }

    /** A CPU reading started now for each of the stack's processes and this one (the measuring clients). */
    private static Map<String, ProcessCpu> processCpu(Stack stack) {
        Map<String, ProcessCpu> cpu = new LinkedHashMap<>();
        stack.children().forEach(child -> cpu.put(child.name(), new ProcessCpu(child.process().pid(), ProcessCpu.JVM)));
        cpu.put("bench (clients)", new ProcessCpu(ProcessHandle.current().pid(), ProcessCpu.JVM));
        cpu.values().forEach(ProcessCpu::start);
        return cpu;
    }

    private static Map<String, String> cpuRow(Map<String, ProcessCpu> cpu) {
        Map<String, String> cells = new LinkedHashMap<>();
        cpu.forEach((name, reading) -> {
            Map<String, Double> groups = reading.groupPercentSinceStart();
            cells.put(name, String.format("%.0f (%.0f, %.0f)", reading.percentSinceStart(), groups.get("JIT"), groups.get("GC")));
        });
        return cells;
    }

    /** The step histograms of one save's hops, in the order a save passes them. */
    private static final class Hops {
        static final List<String> NAMES = List.of("command queued (Kafka)", "lookup", "apply (MongoDB)",
                "publish + record + reply", "result queued (Kafka)");
        private final List<HistogramMetric> metrics;

        Hops(int persistencePort, int enginePort) {
            String step = "arena_persistence_command_step_seconds";
            metrics = List.of(new HistogramMetric(persistencePort, step, "step=\"queued\""),
                    new HistogramMetric(persistencePort, step, "step=\"lookup\""),
                    new HistogramMetric(persistencePort, step, "step=\"apply\""),
                    new HistogramMetric(persistencePort, step, "step=\"finish\""),
                    new HistogramMetric(enginePort, "arena_engine_persistence_result_queued_seconds", ""));
        }

        List<TreeMap<Double, Double>> read() throws Exception {
            List<TreeMap<Double, Double>> readings = new ArrayList<>();
            for (HistogramMetric metric : metrics) {
                readings.add(metric.read());
            }
            return readings;
        }

        /** "p50 / p99" per hop between two readings, then what the hops' p50s leave of {@code saveP50Millis}. */
        List<String> row(List<TreeMap<Double, Double>> before, List<TreeMap<Double, Double>> after, double saveP50Millis) {
            List<String> cells = new ArrayList<>();
            double rest = saveP50Millis;
            for (int i = 0; i < metrics.size(); i++) {
                double p50 = HistogramMetric.percentileMillis(before.get(i), after.get(i), 0.5);
                rest -= p50;
                cells.add(String.format("%.1f / %.1f", p50, HistogramMetric.percentileMillis(before.get(i), after.get(i), 0.99)));
            }
            cells.add(String.format("%.1f", rest));
            return cells;
        }
    }

    private static WsTestClient signedIn(String url) {
        WsTestClient client = WsTestClient.connect(url, SignedInUser.signIn(url, "bench-" + System.nanoTime()).bearer());
        client.awaitType("welcome", REPLY_WAIT);
        // It watches the world as a page does, but its decoding would run on the services' 2 cores; a page's runs on the player's machine.
        client.countSnapshotsOnly();
        return client;
    }

    private interface Request {
        long run(int index) throws Exception;
    }

    /** A measured series: {@code unmeasuredFirst} requests, then the measured ones, all of {@code request}. */
    private record Series(String name, int unmeasuredFirst, Request request) {
    }

    /** Runs {@code count} requests, the i-th no earlier than i periods after the first; returns their durations. */
    private static Samples paced(int count, long periodNanos, Request request) throws Exception {
        Samples samples = new Samples();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            samples.add(request.run(i));
        }
        return samples;
    }

    /** Saves of one config, each an update of the version the previous one committed (the first creates it). */
    private static final class Updates {
        private final WsTestClient client;
        private String id;
        private long version;

        Updates(WsTestClient client) {
            this.client = client;
        }

        long next(int index) {
            String requestId = "update-" + System.nanoTime();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("name", "Edited");
            config.put("settings", Map.of("worldWidth", 800 + index % 100));
            if (id != null) {
                config.put("id", id);
                config.put("version", version);
            }
            long start = System.nanoTime();
            JsonNode saved = save(client, requestId, config);
            long elapsed = System.nanoTime() - start;
            id = saved.path("config").path("id").asText();
            version = saved.path("config").path("version").asLong();
            return elapsed;
        }
    }

    private static long create(WsTestClient client, int index) {
        long start = System.nanoTime();
        save(client, "create-" + index, Map.of("name", "Created " + index, "settings", Map.of("teamSize", 3)));
        return System.nanoTime() - start;
    }

    private static JsonNode save(WsTestClient client, String requestId, Map<String, Object> config) {
        client.send(Json.write(Map.of("type", "save_config", "requestId", requestId, "config", config)));
        JsonNode reply = client.await(m -> requestId.equals(m.path("requestId").asText()), REPLY_WAIT);
        if (!"config_saved".equals(reply.path("type").asText())) {
            throw new IllegalStateException("save " + requestId + " failed: " + reply);
        }
        return reply;
    }

    /** Produce one record and wait until a consumer of the same broker has it, as the engine's producers send (no linger). */
    private static Samples kafkaRoundTrips(String bootstrap, int count, long periodNanos) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition(ROUND_TRIP_TOPIC, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-round-trip"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = 0; i < 20; i++) {
                roundTrip(producer, consumer, "warmup-" + i);
            }
            return paced(count, periodNanos, i -> roundTrip(producer, consumer, "trip-" + i));
        }
    }

    private static long roundTrip(KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer, String key) {
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, key, key));
        long deadline = start + REPLY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                if (key.equals(record.key())) {
                    return System.nanoTime() - start;
                }
            }
        }
        throw new IllegalStateException("record " + key + " did not come back in " + REPLY_WAIT);
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
