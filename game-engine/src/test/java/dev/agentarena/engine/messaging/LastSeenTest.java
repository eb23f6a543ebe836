package dev.agentarena.engine.messaging;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.engine.ws.TestUsers;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A signed-in user's connections make the engine send MARK_SEEN over the real broker, once per user per interval: the
 * user's token checks and two connections within the interval give one command, naming the user, stamped now.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(LastSeenTest.Reporting.class)
class LastSeenTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** The test profile turns reporting off for the other tests; this one turns it on. */
    public static class Reporting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arena.engine.last-seen-interval", "5m");
        }
    }

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Test
    void aSignedInUserIsReportedSeenOncePerInterval() {
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS)) {
            Instant before = Instant.now();
            TestUsers.SignedIn ada = TestUsers.signIn(kafka, "ada-seen");
            String url = world.toString().replaceFirst("^http", "ws");
            for (int connection = 0; connection < 2; connection++) {
                try (WsTestClient client = WsTestClient.connect(url, ada.bearer())) {
                    assertThat(client.awaitType("welcome", WAIT).path("user").path("id").asText()).isEqualTo(ada.id());
                }
            }
            List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> isMarkSeen(r, ada.id()), WAIT);
            PersistenceCommand mark = Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
            assertThat(mark.userId()).isEqualTo(ada.id());
            assertThat(mark.entityId()).isEqualTo(ada.id());
            assertThat(mark.issuedAt()).isBetween(before, Instant.now());

            // The sign-in check and the second connection came within the interval: no second report.
            assertThatThrownBy(() -> kafka.awaitRecord(r -> isMarkSeen(r, ada.id()), Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("no matching record");
        }
    }

    private static boolean isMarkSeen(ConsumerRecord<String, String> record, String userId) {
        PersistenceCommand command = Json.read(record.value(), PersistenceCommand.class);
        return command.type() == CommandType.MARK_SEEN && userId.equals(command.userId());
    }
}
