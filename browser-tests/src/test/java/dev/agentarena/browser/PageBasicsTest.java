package dev.agentarena.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page as a first visitor sees it: it loads cleanly, connects and draws the world's agents. */
class PageBasicsTest extends BrowserTest {

    @Test
    void loadsWithoutConsoleProblemsAndDrawsTheAgents() {
        try (ArenaPage arena = open("default")) {
            arena.page().waitForTimeout(1500);
            arena.screenshot("loaded");
            for (int team = 0; team < 2; team++) {
                assertThat(arena.canvasPixels(arena.teamColor(team))).as("pixels of team %d's colour", team).isPositive();
            }
            assertThat(arena.problems()).isEmpty();
        }
    }
}
