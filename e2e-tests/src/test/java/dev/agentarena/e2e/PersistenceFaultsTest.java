package dev.agentarena.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.local.QuarkusService;
import dev.agentarena.testing.Polling;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence service under faults, every part real (Kafka broker, embedded MongoDB, the service's fast-jar in a
 * child JVM): kill -9 of the service in the middle of 1,000 commands, MongoDB stopped for 10 s, the broker stopped
 * for 10 s. In each case every command gets a result, every result of one command is the same, and MongoDB holds
 * each effect exactly once. The figures are printed (quoted in docs/reliability.md).
 */
class PersistenceFaultsTest {

    private static final Duration READY = FaultParts.READY;
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private static FaultParts parts;

    private KafkaProducer<String, String> producer;
    private ResultLog results;

    @BeforeAll
    static void startParts() throws Exception {
        parts = FaultParts.start("faults");
    }

    @AfterAll
    static void stopParts() {
        if (parts != null) {
            parts.close();
        }
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, parts.kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500),
                new StringSerializer(), new StringSerializer());
        results = new ResultLog(parts.kafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        producer.close();
        results.close();
    }

    @Test
    void killMinus9InTheMiddleOf1000CommandsLosesAndDuplicatesNothing() throws Exception {
        List<PersistenceCommand> commands = creates("kill", 1000);
        Set<String> ids = idsOf(commands);
        commands.forEach(this::send);
        producer.flush();
        long deadline = System.nanoTime() + READY.toNanos();
        while (results.answered(ids) < 300 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long answeredBefore = results.answered(ids);
        long killedAt = System.nanoTime();
        ProcessHandle.of(parts.persistence.process().pid()).orElseThrow().destroyForcibly();
        assertThat(parts.persistence.process().waitFor(10)).isEqualTo(137);
        parts.persistence = parts.startPersistence();
        long restartedAt = System.nanoTime();

        long lost = results.awaitAll(ids, READY);
        long firstAfter = results.firstAnswerAfter(ids, restartedAt);
        long repeatedAnswers = commands.stream().mapToLong(c -> results.of(c.commandId()).size() - 1).sum();
        Effects effects = effectsOf("kill");
        System.out.printf("[faults] kill -9: %d commands, %d answered before the kill, %d lost, %d effects duplicated, "
                        + "%d answers repeated (identical); restart %.1f s, first answer %.1f s after the kill%n",
                commands.size(), answeredBefore, lost, effects.duplicated(), repeatedAnswers, (restartedAt - killedAt) / 1e9,
                (firstAfter - killedAt) / 1e9);

        assertThat(lost).isZero();
        assertEveryCommandHadOneOutcome(commands);
        assertThat(ids).hasSize(1000);
        assertAppliedOnce(effects, ids);
    }

    @Test
    void mongoDownFor10sMakesCommandsWaitThenApplyOnce() throws Exception {
        List<PersistenceCommand> commands = creates("mongo", 200);
        Set<String> ids = idsOf(commands);
        Thread sender = sendPaced(commands, 10);
        Thread.sleep(2000);
        ProcessHandle.of(parts.mongo.process().pid()).orElseThrow().destroyForcibly();
        parts.mongo.process().waitFor(10);
        long downAt = System.nanoTime();
        long answeredAtStop = results.answered(ids);
        long notReadyAfter = awaitReadiness(false, Duration.ofSeconds(15));
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - downAt) / 1_000_000));
        long answeredDuringOutage = results.answered(ids);
        parts.mongo = parts.startMongo();
        long backAt = System.nanoTime();
        long readyAfter = awaitReadiness(true, Duration.ofSeconds(30));
        sender.join();
        long lost = results.awaitAll(ids, READY);
        long firstAfter = results.firstAnswerAfter(ids, backAt);
        System.out.printf("[faults] MongoDB down %.0f s: %d commands, readiness DOWN %.1f s after the stop, %d answered before the stop, "
                        + "%d while down, %d lost; after the return: first answer %.1f s, readiness UP %.1f s%n",
                (backAt - downAt) / 1e9, commands.size(), notReadyAfter / 1e9, answeredAtStop, answeredDuringOutage - answeredAtStop, lost,
                (firstAfter - backAt) / 1e9, readyAfter / 1e9);

        assertThat(notReadyAfter).isPositive();
        // At most the command in flight on each of the 3 partitions, written before the stop, is answered meanwhile.
        assertThat(answeredDuringOutage - answeredAtStop).as("answered while MongoDB was down").isLessThanOrEqualTo(3);
        assertThat(lost).isZero();
        assertEveryCommandHadOneOutcome(commands);
        assertAppliedOnce(effectsOf("mongo"), ids);
    }

    @Test
    void brokerDownFor10sThenCommandsFlowAgainWithoutARestart() throws Exception {
        List<PersistenceCommand> before = creates("broker-before", 50);
        before.forEach(this::send);
        assertThat(results.awaitAll(idsOf(before), READY)).isZero();

        parts.killKafka();
        Thread.sleep(OUTAGE.toMillis());
        parts.kafka = parts.startKafka();
        long backAt = System.nanoTime();

        List<PersistenceCommand> after = creates("broker-after", 50);
        after.forEach(this::send);
        long lost = results.awaitAll(idsOf(after), READY);
        long firstAfter = results.firstAnswerAfter(idsOf(after), backAt);
        System.out.printf("[faults] broker down %.0f s: first command answered %.1f s after the broker was back, %d lost%n",
                OUTAGE.toSeconds() * 1.0, (firstAfter - backAt) / 1e9, lost);

        assertThat(lost).isZero();
        assertEveryCommandHadOneOutcome(after);
        assertAppliedOnce(effectsOf("broker-after"), idsOf(after));
        // Commands flow again; readiness follows once the Kafka client's health has seen the broker again.
        assertThat(Polling.until(() -> QuarkusService.isReady(parts.persistencePort()), ready -> ready, Duration.ofSeconds(30)))
                .as("persistence ready again without a restart").isTrue();
    }

    /**
     * Every command has exactly one outcome, OK: answered at least once, and every answer to it (a redelivery is answered
     * again) is the same result, so whichever answer the asker receives first, it learns that one outcome.
     */
    private void assertEveryCommandHadOneOutcome(List<PersistenceCommand> commands) {
        for (PersistenceCommand command : commands) {
            List<ResultLog.Received> answers = results.of(command.commandId());
            assertThat(answers).as("answers to %s", command.commandId()).isNotEmpty();
            assertThat(answers.stream().map(ResultLog.Received::result).distinct().toList())
                    .as("distinct outcomes of %s", command.commandId()).hasSize(1)
                    .allSatisfy(result -> assertThat(result.status()).isEqualTo(ResultStatus.OK));
        }
    }

    /**
     * The configs one test's commands left in MongoDB, counted per command that wrote them ({@code lastCommandId}), and
     * how many effects were applied once too often: a second config of one command, or a create applied again as a
     * newer version.
     */
    private record Effects(Map<String, Long> byCommand, long duplicated) {
    }

    private Effects effectsOf(String label) {
        try (MongoClient client = MongoClients.create(parts.mongo.connectionString())) {
            Map<String, Long> byCommand = new HashMap<>();
            long configs = 0;
            long laterVersions = 0;
            for (Document config : client.getDatabase("agent_game").getCollection("configs")
                    .find(Filters.regex("ownerId", "^" + label + "-"))) {
                byCommand.merge(config.getString("lastCommandId"), 1L, Long::sum);
                configs++;
                laterVersions += config.get("version", Number.class).longValue() - 1;
            }
            return new Effects(byCommand, configs - byCommand.size() + laterVersions);
        }
    }

    /** MongoDB holds exactly one config per command (its effect), none from elsewhere, none written twice. */
    private static void assertAppliedOnce(Effects effects, Set<String> ids) {
        assertThat(effects.byCommand()).as("configs per command that wrote them").containsOnlyKeys(ids)
                .allSatisfy((commandId, stored) -> assertThat(stored).as("configs of %s", commandId).isOne());
        assertThat(effects.duplicated()).as("effects applied twice").isZero();
    }

    /** Creates spread over users so that no one reaches the quota. */
    private static List<PersistenceCommand> creates(String label, int count) {
        List<PersistenceCommand> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commands.add(PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.SAVE_CONFIG, label + "-" + (i % 20),
                    UUID.randomUUID().toString(), null, Json.toTree(new SaveConfigPayload(label + " " + i, ArenaConfig.defaults()))));
        }
        return commands;
    }

    private static Set<String> idsOf(List<PersistenceCommand> commands) {
        Set<String> ids = new LinkedHashSet<>();
        commands.forEach(c -> ids.add(c.commandId()));
        return ids;
    }

    private void send(PersistenceCommand command) {
        producer.send(new ProducerRecord<>(Topics.PERSISTENCE_COMMANDS, command.key(), Json.write(command)));
    }

    private Thread sendPaced(List<PersistenceCommand> commands, long everyMillis) {
        Thread sender = new Thread(() -> {
            for (PersistenceCommand command : commands) {
                send(command);
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "paced-sender");
        sender.start();
        return sender;
    }

    /** Nanoseconds until readiness is {@code ready}, or fails after {@code timeout}. */
    private static long awaitReadiness(boolean ready, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        while (QuarkusService.isReady(parts.persistencePort()) != ready) {
            assertThat(System.nanoTime() - begin).as("readiness %s within %s", ready, timeout).isLessThan(timeout.toNanos());
            Thread.sleep(100);
        }
        return System.nanoTime() - begin;
    }
}
