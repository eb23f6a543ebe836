package dev.agentarena.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.e2e.TestStack;
import dev.agentarena.local.QuarkusService;
import dev.agentarena.local.Stack;
import dev.agentarena.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page with two engines sharing the worlds: served by the engine that does not run its world, it follows
 * {@code world_moved} to the one that does and draws it; when that engine is killed, the page goes on by itself on the
 * engine left, once the world has resumed there.
 */
class ManyEnginesTest {

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(TestStack.repoRoot(), "browser-engines", 2);
        BrowserSession.browser();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void thePageFollowsItsWorldToItsEngineAndToTheNextWhenThatOneDies() throws InterruptedException {
        List<QuarkusService> engines = stack.engines();
        QuarkusService owner = ownerOfDefault(engines);
        QuarkusService other = engines.stream().filter(engine -> engine != owner).findFirst().orElseThrow();
        try (ArenaPage arena = ArenaPage.open("http://127.0.0.1:" + other.port(), "default")) {
            arena.page().waitForTimeout(1000);
            arena.screenshot("engines-redirected");
            assertThat(arena.canvasPixels(arena.teamColor(0))).as("agents drawn from the other engine").isPositive();

            stack.stopSupervision(owner);
            owner.process().kill();
            arena.awaitStatus("reconnecting");
            arena.awaitOnline("default", 60_000);
            arena.page().waitForTimeout(1000);
            arena.screenshot("engines-failed-over");
            assertThat(arena.canvasPixels(arena.teamColor(0))).as("agents drawn again after the failover").isPositive();
            assertThat(ownerOfDefault(List.of(other))).isSameAs(other);
            // Chromium itself logs each refused connection to the dead engine; nothing else may appear.
            assertThat(arena.problems()).allMatch(p -> p.contains("WebSocket connection to") || p.contains("ERR_CONNECTION_REFUSED"));
        }
    }

    /**
     * The engine that welcomes a client of world default (the other answers world_moved); while the engines are still
     * sharing the worlds out, both may answer UNAVAILABLE for a moment.
     */
    private static QuarkusService ownerOfDefault(List<QuarkusService> engines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (QuarkusService engine : engines) {
                try (WsTestClient client = WsTestClient.connect("ws://127.0.0.1:" + engine.port() + "/ws/worlds/default")) {
                    JsonNode first = client.await(message -> Set.of("welcome", "world_moved", "error")
                            .contains(message.path("type").asText()), Duration.ofSeconds(30));
                    if ("welcome".equals(first.path("type").asText())) {
                        return engine;
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no engine runs world default");
    }
}
