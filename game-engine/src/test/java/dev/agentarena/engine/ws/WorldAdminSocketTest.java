package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Worlds are created, listed, watched and deleted through the protocol. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class WorldAdminSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    @Test
    void aWorldCanBeCreatedWatchedListedAndDeleted() {
        try (WsTestClient admin = WsTestClient.connect(ws(defaultWorld))) {
            admin.awaitType("welcome", WAIT);
            admin.send("{\"type\":\"create_world\",\"requestId\":\"c1\",\"worldId\":\"arena-2\"}");
            assertThat(admin.awaitType("world_created", WAIT).path("world").path("id").asText()).isEqualTo("arena-2");

            try (WsTestClient viewer = WsTestClient.connect(ws(defaultWorld).replace("/default", "/arena-2"))) {
                assertThat(viewer.awaitType("welcome", WAIT).path("world").path("id").asText()).isEqualTo("arena-2");
                assertThat(viewer.awaitType("state", WAIT).path("world").path("worldId").asText()).isEqualTo("arena-2");

                admin.send("{\"type\":\"list_worlds\",\"requestId\":\"l1\"}");
                JsonNode list = admin.awaitType("world_list", WAIT);
                assertThat(list.path("worlds").findValuesAsText("id")).contains("default", "arena-2");

                admin.send("{\"type\":\"create_world\",\"requestId\":\"c2\",\"worldId\":\"arena-2\"}");
                assertThat(admin.awaitType("error", WAIT).path("code").asText()).isEqualTo("CONFLICT");

                admin.send("{\"type\":\"delete_world\",\"requestId\":\"d1\",\"worldId\":\"arena-2\"}");
                assertThat(admin.awaitType("world_deleted", WAIT).path("requestId").asText()).isEqualTo("d1");
                assertThat(viewer.awaitType("world_deleted", WAIT).path("worldId").asText()).isEqualTo("arena-2");
            }
            admin.send("{\"type\":\"delete_world\",\"requestId\":\"d2\",\"worldId\":\"default\"}");
            assertThat(admin.awaitType("error", WAIT).path("code").asText()).isEqualTo("FORBIDDEN");
            admin.send("{\"type\":\"create_world\",\"requestId\":\"c3\",\"worldId\":\"../etc\"}");
            assertThat(admin.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_MESSAGE");
        }
    }

    private static String ws(URI http) {
        return http.toString().replaceFirst("^http", "ws");
    }
}
