package dev.agentarena.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The panels as a player uses them: the config form, the behavior editor, the copilot and the agent details. */
class PanelsTest extends BrowserTest {

    /** A picture of one panel (the panel column scrolls, so a page screenshot may not show it). */
    private static void panelShot(ArenaPage arena, String panel, String name) {
        arena.page().locator("[data-panel=" + panel + "]").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("arena.screenshots", "target/screenshots"), name + ".png")));
    }

    @Test
    void aConfigFieldOutOfRangeIsRefusedInlineAndAnEditedConfigIsSavedAndListed() {
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            arena.signIn("Ada");
            Locator visual = page.locator("#config-field-visualRange");
            visual.waitFor();
            Locator row = arena.testId("config-field-visualRange");
            assertThat(row.innerText()).contains("awareness zone", "units", "1–2000", "live");
            assertThat(arena.testId("config-field-worldWidth").innerText()).contains("on reset");

            visual.fill("5000");
            Locator error = page.locator("[data-error-for=visualRange]");
            assertThat(error.innerText()).isEqualTo("must be between 1 and 2000");
            arena.testId("config-name").fill("Wide eyes");
            arena.testId("config-save").click();
            assertThat(arena.testId("config-status").innerText()).startsWith("not saved");
            arena.screenshot("config-refused-inline");

            visual.fill("180");
            assertThat(error.innerText()).isEmpty();
            arena.testId("config-save").click();
            arena.await("() => document.querySelector('[data-testid=config-status]').textContent.startsWith('saved Wide eyes')", null);
            assertThat(arena.testId("config-list").innerText()).contains("Wide eyes");
            assertThat(visual.inputValue()).isEqualTo("180");
            arena.screenshot("config-saved");
            panelShot(arena, "config", "panel-config");
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void aBadConditionShowsItsDiagnosticAtItsLineWhileTyping() {
        String text = """
                {
                  "schemaVersion": 1,
                  "name": "Broken",
                  "rules": [
                    {
                      "name": "WANDER",
                      "condition": "self.health > 0 && self.healthh > 0.5",
                      "steer": [{"primitive": "wander", "weight": 1}]
                    }
                  ]
                }
                """;
        int line = text.substring(0, text.indexOf("self.healthh")).split("\n", -1).length;
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            page.locator(".CodeMirror").waitFor();
            page.evaluate("t => document.querySelector('.CodeMirror').CodeMirror.setValue(t)", text);
            arena.await("l => document.querySelector(`[data-testid=behavior-diagnostics] li[data-code=UNKNOWN_IDENTIFIER][data-line='${l}']`)", line);
            Locator mark = page.locator(".CodeMirror-lint-mark-error");
            mark.first().waitFor();
            assertThat(mark.first().innerText()).isEqualTo("self.healthh");
            assertThat(page.locator(".CodeMirror-lint-marker-error").count()).isPositive();

            // Completion offers the perception variables the server lists, as the user types.
            page.evaluate("() => { const cm = document.querySelector('.CodeMirror').CodeMirror;"
                    + " const at = cm.getValue().indexOf('self.healthh') + 'self.healthh'.length;"
                    + " cm.focus(); cm.setSelection(cm.posFromIndex(at - 'healthh'.length), cm.posFromIndex(at)); }");
            page.keyboard().type("hea");
            page.locator(".CodeMirror-hints").waitFor();
            assertThat(page.locator(".CodeMirror-hint").allInnerTexts()).anyMatch(hint -> hint.startsWith("self.healthRatio"));
            page.keyboard().press("Escape");
            arena.screenshot("behavior-diagnostic");
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void theCopilotFlowEndsWithTheBehaviorAppliedToATeam() {
        try (ArenaPage arena = open("default")) {
            arena.signIn("Grace");
            arena.testId("copilot-input").fill("flee from enemies when my health is below 30%, otherwise attack the nearest enemy");
            arena.testId("copilot-ask").click();
            arena.testId("copilot-apply").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
            assertThat(arena.testId("copilot-answer").innerText()).containsIgnoringCase("offline");
            assertThat(arena.testId("copilot-checks").locator("li").count()).isPositive();
            arena.testId("copilot-team").selectOption(new SelectOption().setValue("1"));
            arena.testId("copilot-apply").click();
            arena.await("() => document.querySelector('[data-testid=copilot-applied]').dataset.behaviorId", null);
            String behaviorId = arena.testId("copilot-applied").getAttribute("data-behavior-id");
            // behavior_assigned reached the page: the messages panel says the team now runs it.
            arena.await("id => [...document.querySelectorAll('[data-testid=log] li')].some(li => li.textContent.includes('now run ' + id))", behaviorId);
            arena.testId("copilot-open").click();
            arena.await("() => document.querySelector('.CodeMirror').CodeMirror.getValue().includes('\"rules\"')", null);
            arena.screenshot("copilot-applied");
            panelShot(arena, "copilot", "panel-copilot");
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void clickingAnAgentShowsItsDetails() {
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            // The team chart samples the snapshots while the world runs.
            arena.await("() => { const s = document.querySelector('[data-testid=team-chart-summary]');"
                    + " return s && Number(s.dataset.samples) >= 3 && document.querySelector('[data-testid=team-chart] canvas'); }", null);
            panelShot(arena, "teamstats", "panel-teamstats");
            if ("true".equals(arena.testId("hud-round").getAttribute("data-running"))) {
                arena.testId("toggle").click();
            }
            arena.awaitRunning(false);
            page.waitForTimeout(300);
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) page.evaluate("rgb => { const [r, g, b] = rgb.match(/\\d+/g).map(Number);"
                    + " const c = document.getElementById('canvas'); const copy = document.createElement('canvas');"
                    + " copy.width = c.width; copy.height = c.height; const g2 = copy.getContext('2d', { willReadFrequently: true });"
                    + " g2.drawImage(c, 0, 0); const d = g2.getImageData(0, 0, c.width, c.height).data;"
                    + " const is = (x, y) => { const i = (y * c.width + x) * 4; return d[i] === r && d[i + 1] === g && d[i + 2] === b; };"
                    // the inside of an agent's body: its colour 3 pixels away on every side
                    + " for (let y = 3; y < c.height - 3; y++) for (let x = 3; x < c.width - 3; x++)"
                    + "   if (is(x, y) && is(x + 3, y) && is(x - 3, y) && is(x, y + 3) && is(x, y - 3))"
                    + "     return [x * c.clientWidth / c.width, y * c.clientHeight / c.height];"
                    + " return null; }", arena.teamColor(0));
            assertThat(at).as("a pixel of team 0's colour").isNotNull();
            BoundingBox box = arena.testId("canvas").boundingBox();
            page.mouse().click(box.x + at.get(0).doubleValue(), box.y + at.get(1).doubleValue());
            Locator details = arena.testId("agent-details");
            details.locator("dd[data-figure=health]").waitFor();
            assertThat(details.locator("dd[data-figure=team]").innerText()).isNotBlank();
            assertThat(details.locator("dd[data-figure=rule]").innerText()).isNotBlank();
            assertThat(details.innerText()).contains("kills", "damage dealt", "lifetime", "behavior");
            arena.screenshot("agent-details");
            panelShot(arena, "agent", "panel-agent");
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void aGuestIsToldWhatItCanDoAndASecondUserCannotDeleteTheFirstUsersConfig() {
        try (ArenaPage first = open("default"); ArenaPage second = open("default")) {
            assertThat(first.testId("signin-user").innerText()).isEqualTo("You are a guest.");
            assertThat(first.testId("guest-explainer").innerText()).contains("cannot save or delete", "Sign in");
            panelShot(first, "signin", "panel-signin-guest");
            first.signIn("Alan");
            assertThat(first.testId("signin-user").innerText()).isEqualTo("Signed in as Alan.");
            assertThat(first.testId("guest-explainer").isHidden()).isTrue();
            first.page().locator("#config-field-teamSize").fill("7");
            first.testId("config-name").fill("Alan's arena");
            first.testId("config-save").click();
            first.await("() => document.querySelector('[data-testid=config-status]').textContent.startsWith('saved')", null);
            String configId = first.testId("config-list").inputValue();

            second.signIn("Barbara");
            // Barbara's list has the defaults and her own only: Alan's config is not there to pick.
            assertThat(second.testId("config-list").innerText()).doesNotContain("Alan's arena");
            // Even with its id and version, her connection (her cookie) is refused the delete.
            Object refused = second.page().evaluate("id => new Promise((resolve) => {"
                    + " const ws = new WebSocket(`ws://${location.host}/ws/worlds/default`);"
                    + " ws.onmessage = (e) => { if (typeof e.data !== 'string') return; const m = JSON.parse(e.data);"
                    + "   if (m.type === 'welcome') ws.send(JSON.stringify({ type: 'delete_config', requestId: 'd1', configId: id, version: 1 }));"
                    + "   if (m.requestId === 'd1') { ws.close(); resolve(m.type + ' ' + (m.code || '')); } };"
                    + " ws.onopen = () => {}; })", configId);
            assertThat(String.valueOf(refused)).startsWith("error FORBIDDEN");
            first.testId("config-list").selectOption(new SelectOption().setValue(configId));
            assertThat(first.testId("config-list").innerText()).contains("Alan's arena");
            panelShot(second, "signin", "panel-signin-user");
            assertThat(first.problems()).isEmpty();
            assertThat(second.problems()).isEmpty();
        }
    }
}
