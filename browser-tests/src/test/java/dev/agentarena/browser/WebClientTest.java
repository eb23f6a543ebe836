package dev.agentarena.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import dev.agentarena.e2e.TestStack;
import dev.agentarena.testing.WsTestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page as a first visitor uses it: it loads cleanly and draws the world's agents, which move while the world
 * runs and stand still while it is paused; agents are added; zooming in sends the viewport; worlds are created, picked and deleted; the time to
 * draw a frame of 10,000 agents is measured (reported, not asserted); and the page recovers by itself when the
 * engine restarts (last: it restarts this class' stack's engine).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientTest extends BrowserTest {

    private static final String OUTSIDE_THE_VIEW = "() => [...document.querySelectorAll('[data-testid=hud-teams] li')]"
            + ".reduce((sum, row) => sum + Number(row.dataset.outside), 0)";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOTAL_AGENTS_AT_LEAST = "n => [...document.querySelectorAll('[data-testid=hud-teams] li')]"
            + ".reduce((sum, row) => sum + Number(row.dataset.agents), 0) >= n";

    @Test
    @Order(1)
    void loadsWithoutConsoleProblemsAndDrawsTheAgents() {
        try (ArenaPage arena = open("default")) {
            // Every panel was listening when the welcome came: the world picker lists this world as the one watched.
            arena.await("() => document.querySelector(\"[data-world='default']\")?.classList.contains('current')", null);
            arena.await("() => document.querySelectorAll('[data-testid=new-world-config] option').length > 0", null);
            arena.page().waitForTimeout(1500);
            arena.screenshot("loaded");
            for (int team = 0; team < 2; team++) {
                assertThat(arena.canvasPixels(arena.teamColor(team))).as("pixels of team %d's colour", team).isPositive();
            }
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void agentsMoveWhileRunningAndStandStillWhilePaused() {
        try (ArenaPage arena = open("default")) {
            arena.startRunning();
            arena.page().waitForTimeout(300);
            String first = arena.canvasDigest();
            arena.page().waitForTimeout(500);
            arena.screenshot("running");
            assertThat(arena.canvasDigest()).as("the picture half a second later").isNotEqualTo(first);

            arena.page().keyboard().press("Space");
            arena.awaitRunning(false);
            arena.page().waitForTimeout(500);
            String paused = arena.canvasDigest();
            arena.page().waitForTimeout(700);
            arena.screenshot("paused");
            assertThat(arena.canvasDigest()).as("the picture while paused").isEqualTo(paused);
            assertThat(arena.testId("toggle").textContent()).isEqualTo("Start");

            arena.page().keyboard().press("Space");
            arena.awaitRunning(true);
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void addedAgentsShowInTheTeamCounts() {
        try (ArenaPage arena = open("default")) {
            int red = arena.team(0, "agents");
            int blue = arena.team(1, "agents");
            arena.testId("add-count").fill("7");
            arena.testId("add-team-0").click();
            arena.awaitTeam(0, "agents", red + 7);
            arena.testId("add-count").fill("3");
            arena.testId("add-team-1").click();
            arena.awaitTeam(1, "agents", blue + 3);
            arena.screenshot("added");
            assertThat(arena.team(0, "agents")).isEqualTo(red + 7);
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    @Order(4)
    void zoomingInSendsTheViewportAndFittingClearsIt() {
        try (ArenaPage arena = open("default")) {
            for (int i = 0; i < 4; i++) {
                arena.page().keyboard().press("=");
            }
            // The server now sends only the agents in view, and counts the others per team.
            arena.await(OUTSIDE_THE_VIEW + " > 0", null);
            arena.screenshot("zoomed");
            arena.page().keyboard().press("f");
            arena.await(OUTSIDE_THE_VIEW + " === 0", null);
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    @Order(5)
    void worldsAreCreatedPickedAndDeleted() {
        try (ArenaPage arena = open("default")) {
            arena.testId("new-world-id").fill("second-arena");
            arena.testId("create-world").click();
            arena.awaitOnline("second-arena");
            assertThat(arena.page().url()).endsWith("?world=second-arena");
            arena.await("() => document.querySelector(\"[data-world='second-arena']\")?.classList.contains('current')", null);
            arena.screenshot("worlds");

            arena.page().locator("[data-world='default'] button", new Page.LocatorOptions().setHasText("join")).click();
            arena.awaitOnline("default");
            arena.await("() => document.querySelector(\"[data-world='default']\")?.classList.contains('current')", null);
            arena.page().locator("[data-world='second-arena'] button", new Page.LocatorOptions().setHasText("delete")).click();
            arena.await("() => document.querySelector('[data-testid=world-list] li') && !document.querySelector(\"[data-world='second-arena']\")", null);
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    @Order(6)
    void clickingAnAgentSelectsIt() {
        try (ArenaPage arena = open("default")) {
            arena.page().keyboard().press("Space");
            arena.awaitRunning(false);
            arena.page().waitForTimeout(300);
            List<Integer> top = arena.firstPixel(arena.teamColor(0));
            assertThat(top).as("a pixel of team 0's colour").isNotNull();
            // The first pixel of a disc is its top: a few pixels lower is inside it.
            arena.testId("canvas").click(new Locator.ClickOptions().setPosition(top.get(0), top.get(1) + 4));
            arena.await("() => document.querySelector('[data-testid=hud-selected]').dataset.agentId !== ''", null);
            arena.screenshot("selected");
            assertThat(arena.testId("hud-selected").textContent()).startsWith("selected: agent ");
            arena.page().keyboard().press("Space");
            arena.awaitRunning(true);
            assertThat(arena.problems()).isEmpty();
        }
    }

    /**
     * Draw time per frame (the renderer's own, smoothed) and frames per second at 1,000 and then 10,000 agents in a
     * world of their own (8,000 x 6,000 units, fitted in the canvas), running, then paused. Printed and written to
     * target/render-bench.txt for docs/benchmarks.md; nothing is asserted about the figures.
     */
    @Test
    @Order(50)
    void measuresTheDrawTimeAt10000Agents() throws Exception {
        try (ArenaPage arena = open("default")) {
            // Only a signed-in user stores configs, and sees its own: the page and the set-up share one.
            arena.signIn("Bencher");
            try (WsTestClient setup = WsTestClient.connect(TestStack.worldUrl(stack, "default"),
                    Map.of("Authorization", "Bearer " + arena.sessionToken()))) {
                setup.awaitType("welcome", WAIT);
                setup.send("{\"type\":\"save_config\",\"requestId\":\"bench\",\"config\":{\"name\":\"Render bench\","
                        + "\"settings\":{\"worldWidth\":8000,\"worldHeight\":6000,\"teamSize\":500}}}");
                setup.awaitType("config_saved", WAIT);
            }
            arena.await("() => [...document.querySelectorAll('[data-testid=new-world-config] option')].some(o => o.textContent === 'Render bench')", null);
            arena.testId("new-world-config").selectOption(new SelectOption().setLabel("Render bench"));
            arena.testId("new-world-id").fill("bench");
            arena.testId("create-world").click();
            arena.awaitOnline("bench");
            arena.await(TOTAL_AGENTS_AT_LEAST, 1000);
            arena.startRunning();
            RenderFigures thousand = RenderFigures.sample(arena);
            arena.screenshot("bench-1000");

            arena.testId("add-count").fill("1000");
            for (int i = 0; i < 9; i++) {
                arena.testId("add-team-" + (i % 2)).click();
            }
            arena.await(TOTAL_AGENTS_AT_LEAST, 10_000);
            RenderFigures tenThousand = RenderFigures.sample(arena);
            arena.screenshot("bench-10000");
            // Paused, the engine no longer competes for the CPU and snapshots barely change: the page's own cost.
            arena.page().keyboard().press("Space");
            arena.awaitRunning(false);
            RenderFigures paused = RenderFigures.sample(arena);
            String report = String.format(Locale.ROOT,
                    "canvas of the page at 1280x720, headless Chromium %s (software, --disable-gpu)%n"
                            + "1,000 agents: draw %.2f ms/frame, %.1f FPS (%d alive)%n"
                            + "10,000 agents: draw %.2f ms/frame, %.1f FPS (%d alive)%n"
                            + "10,000 agents, world paused: draw %.2f ms/frame, %.1f FPS%n"
                            + "ratio of draw times 10,000 / 1,000 (both running): %.2f%n",
                    BrowserSession.browser().version(), thousand.drawMs(), thousand.fps(), thousand.alive(),
                    tenThousand.drawMs(), tenThousand.fps(), tenThousand.alive(), paused.drawMs(), paused.fps(),
                    tenThousand.drawMs() / thousand.drawMs());
            System.out.print("[render-bench] " + report);
            Files.writeString(Path.of("target", "render-bench.txt"), report);
            assertThat(tenThousand.alive()).isGreaterThan(5000);
            assertThat(tenThousand.drawMs()).isPositive();

            arena.page().locator("[data-world='bench'] button", new Page.LocatorOptions().setHasText("delete")).click();
            arena.awaitOnline("default");
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    @Order(100)
    void recoversByItselfWhenTheEngineRestarts() throws Exception {
        try (ArenaPage arena = open("default")) {
            int port = stack.engine().port();
            // Everything the page loads is in: what the engine's stop may cut short is the WebSocket only.
            arena.page().waitForLoadState(LoadState.NETWORKIDLE);
            stack.stopService(stack.engine());
            arena.awaitStatus("reconnecting");
            arena.screenshot("engine-down");
            assertThat(arena.testId("status").textContent()).contains("reconnecting");

            stack.startEngine(port);
            arena.awaitOnline("default", 120_000);
            arena.page().waitForTimeout(1000);
            arena.screenshot("engine-back");
            assertThat(arena.canvasPixels(arena.teamColor(0))).as("agents drawn again").isPositive();
            // While the engine was down, Chromium itself logs each refused reconnect; nothing else may appear.
            assertThat(arena.problems()).allMatch(p -> p.contains("WebSocket connection to") || p.contains("ERR_CONNECTION_REFUSED"));
        }
    }
}
