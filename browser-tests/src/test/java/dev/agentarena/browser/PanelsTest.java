package dev.agentarena.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.KeyboardModifier;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The panels as a player uses them: the config form, the behavior editor and its "Try it", the copilot and the agent details. */
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
    void aFieldTheServerRefusesShowsTheServersErrorAtThatField() {
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            arena.signIn("Hedy");
            Locator minSpeed = page.locator("#config-field-minSpeed");
            minSpeed.waitFor();
            // Each value is within its own field's range, so the form's own checks pass; the server's validation
            // refuses a minimum above the maximum.
            page.locator("#config-field-maxSpeed").fill("2");
            minSpeed.fill("3");
            assertThat(minSpeed.getAttribute("aria-invalid")).isEqualTo("false");
            Locator error = page.locator("[data-error-for=minSpeed]");
            assertThat(error.innerText()).isEmpty();
            arena.testId("config-name").fill("Slow limit");
            arena.testId("config-save").click();
            arena.await("() => document.querySelector('[data-error-for=minSpeed]').textContent !== ''", null);
            assertThat(error.innerText()).isEqualTo("minSpeed must not exceed maxSpeed");
            assertThat(minSpeed.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(arena.testId("config-status").innerText()).startsWith("not saved: INVALID_CONFIG");
            assertThat(arena.testId("config-list").innerText()).doesNotContain("Slow limit");
            panelShot(arena, "config", "panel-config-server-error");
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void aWorldIdAndAnAgentCountAreCheckedAgainstTheServersLimits() {
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            // The limits (get_limits) reached the inputs.
            arena.await("() => document.querySelector('[data-testid=add-count]').max !== ''", null);
            assertThat(arena.testId("add-count").getAttribute("max")).isEqualTo("1000");
            assertThat(arena.testId("new-world-id").getAttribute("title")).isEqualTo("1 to 64 letters, digits, '-' or '_'");

            arena.testId("add-count").fill("1001");
            arena.testId("add-team-0").click();
            arena.await("() => document.querySelector('[data-testid=log]').textContent"
                    + ".includes('the number of agents to add must be a whole number from 1 to 1000')", null);
            // The server's pattern, compiled by the browser for the form: an id it would refuse is not sent.
            arena.testId("new-world-id").fill("no spaces");
            assertThat(page.evaluate("() => document.querySelector('[data-testid=new-world-id]').validity.patternMismatch")).isEqualTo(true);
            arena.testId("new-world-id").fill("fine_id-2");
            assertThat(page.evaluate("() => document.querySelector('[data-testid=new-world-id]').validity.valid")).isEqualTo(true);
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void severalSelectedAgentsAreAssignedABehaviorAndEachIsMarkedCustom() {
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            arena.signIn("Edsger");
            page.locator(".CodeMirror").waitFor();
            arena.testId("behavior-new").click();
            page.evaluate("() => { const cm = document.querySelector('.CodeMirror').CodeMirror;"
                    + " cm.setValue(cm.getValue().replace('\"My behavior\"', '\"Marked\"')); }");
            arena.testId("behavior-save").click();
            arena.await("() => document.querySelector('[data-testid=behavior-status]').textContent.startsWith('saved Marked')", null);
            String behaviorId = page.locator("[data-testid=behavior-list] li", new Page.LocatorOptions().setHasText("Marked"))
                    .getAttribute("data-behavior");

            // A fresh round: the tests before this one let the world fight, and team 0 may have lost agents.
            arena.testId("reset").click();
            arena.awaitTeam(0, "alive", arena.team(0, "agents"));
            if ("true".equals(arena.testId("hud-round").getAttribute("data-running"))) {
                arena.testId("toggle").click();
            }
            arena.awaitRunning(false);
            page.waitForTimeout(300);
            List<List<Integer>> agents = arena.bodyPoints(arena.teamColor(0), 3, 30);
            assertThat(agents).as("three agents of team 0 apart from each other").hasSize(3);
            Locator canvas = arena.testId("canvas");
            canvas.click(new Locator.ClickOptions().setPosition(agents.get(0).get(0), agents.get(0).get(1)));
            for (List<Integer> agent : agents.subList(1, 3)) {
                canvas.click(new Locator.ClickOptions().setPosition(agent.get(0), agent.get(1))
                        .setModifiers(List.of(KeyboardModifier.SHIFT)));
            }
            Locator selected = arena.testId("hud-selected");
            arena.await("() => document.querySelector('[data-testid=hud-selected]').dataset.count === '3'", null);
            assertThat(selected.innerText()).startsWith("3 selected (3 in view, 0 on a custom behavior)");
            Locator target = arena.testId("assign-target");
            assertThat(target.locator("option:checked").innerText()).isEqualTo("the 3 selected agents");
            arena.screenshot("agents-selected");

            arena.testId("assign-" + behaviorId).click();
            arena.await("() => document.querySelector('[data-testid=behavior-status]').textContent === 'Marked assigned to 3 agents'", null);
            // behavior_assigned (the server's word to every viewer) names the three agents; the snapshots then show
            // each of them on the behavior, which the canvas marks and the HUD counts.
            arena.await("id => [...document.querySelectorAll('[data-testid=log] li')].some(li => /agents \\d+, \\d+, \\d+ now run /.test(li.textContent)"
                    + " && li.textContent.endsWith('now run ' + id))", behaviorId);
            arena.await("() => document.querySelector('[data-testid=hud-selected]').dataset.custom === '3'", null);
            arena.screenshot("agents-marked");

            // A shift-click on a selected agent takes it out of the selection.
            canvas.click(new Locator.ClickOptions().setPosition(agents.get(2).get(0), agents.get(2).get(1))
                    .setModifiers(List.of(KeyboardModifier.SHIFT)));
            arena.await("() => document.querySelector('[data-testid=hud-selected]').dataset.count === '2'", null);
            assertThat(target.locator("option:checked").innerText()).isEqualTo("the 2 selected agents");
            // A shift-drag across the whole world adds every living agent.
            BoundingBox box = canvas.boundingBox();
            page.keyboard().down("Shift");
            page.mouse().move(box.x + 2, box.y + 2);
            page.mouse().down();
            page.mouse().move(box.x + box.width - 2, box.y + box.height - 2, new Mouse.MoveOptions().setSteps(5));
            page.mouse().up();
            page.keyboard().up("Shift");
            int alive = arena.team(0, "alive") + arena.team(1, "alive");
            arena.await("n => document.querySelector('[data-testid=hud-selected]').dataset.count === String(n)", alive);
            assertThat(target.locator("option:checked").innerText()).isEqualTo("the " + alive + " selected agents");
            arena.screenshot("agents-box-selected");
            arena.testId("toggle").click();
            arena.awaitRunning(true);
            assertThat(arena.problems()).isEmpty();
        }
    }

    @Test
    void tryItRunsTheEditedBehaviorInItsScenarioAndPlaysTheTraceBack() {
        try (ArenaPage arena = open("default")) {
            Page page = arena.page();
            page.locator(".CodeMirror").waitFor();
            arena.await("() => document.querySelectorAll('[data-testid=tryit-scenario] option').length > 0", null);
            arena.testId("open-flee").click();
            // The built-in's own library scenario is picked, and the page says whom the edited behavior replaces.
            assertThat(arena.testId("tryit-scenario").inputValue()).isEqualTo("flee-when-weak");
            assertThat(arena.testId("tryit-subject").innerText()).contains("in place of 'flee' for runner");

            arena.testId("tryit-run").click();
            arena.await("() => document.querySelector('[data-testid=tryit-summary]').dataset.passed === 'true'"
                    + " && !document.querySelector('[data-testid=tryit-view]').hidden", null);
            Locator verdicts = page.locator("[data-testid=tryit-expectations] li");
            assertThat(verdicts.count()).isEqualTo(3);
            assertThat(verdicts.allInnerTexts()).allMatch(text -> text.startsWith("passed"));
            assertThat(verdicts.first().innerText()).contains("distance: measured");
            assertThat(Double.parseDouble(verdicts.first().getAttribute("data-measured"))).isGreaterThanOrEqualTo(60);
            // The playback advances and draws agents on its own canvas.
            int tick = Integer.parseInt(arena.testId("tryit-tick").getAttribute("data-tick"));
            arena.await("t => Number(document.querySelector('[data-testid=tryit-tick]').dataset.tick) > t + 30", tick);
            assertThat(drawnAgentPixels(page)).isGreaterThan(50);
            arena.screenshot("tryit-passed");
            arena.testId("tryit-play").click();
            int paused = Integer.parseInt(arena.testId("tryit-tick").getAttribute("data-tick"));
            page.waitForTimeout(300);
            assertThat(Integer.parseInt(arena.testId("tryit-tick").getAttribute("data-tick"))).isEqualTo(paused);
            arena.testId("tryit-close").click();

            // Chasing the enemy instead of evading it breaks flee's property: the distance shrinks.
            page.evaluate("() => { const cm = document.querySelector('.CodeMirror').CodeMirror;"
                    + " cm.setValue(cm.getValue().replace('\"evade\"', '\"pursue\"')); }");
            arena.testId("tryit-run").click();
            arena.await("() => document.querySelector('[data-testid=tryit-summary]').dataset.passed === 'false'"
                    + " && !document.querySelector('[data-testid=tryit-view]').hidden", null);
            Locator distance = verdicts.first();
            assertThat(distance.getAttribute("data-ok")).isEqualTo("false");
            assertThat(distance.innerText()).startsWith("failed").contains("distance: measured");
            assertThat(Double.parseDouble(distance.getAttribute("data-measured"))).isLessThan(60);
            arena.await("() => Number(document.querySelector('[data-testid=tryit-tick]').dataset.tick) > 240", null);
            arena.screenshot("tryit-failed");
            arena.testId("tryit-close").click();

            // A behavior the validator refuses is reported at the editor, under the agent it was to drive.
            page.evaluate("() => { const cm = document.querySelector('.CodeMirror').CodeMirror;"
                    + " cm.setValue(cm.getValue().replace('\"condition\": \"true\"', '\"condition\": \"self.nope > 1\"')); }");
            arena.testId("tryit-run").click();
            arena.await("() => document.querySelector('[data-testid=tryit-errors]').textContent.includes('INVALID_SCENARIO')", null);
            assertThat(arena.testId("tryit-errors").innerText()).contains("runner's behavior at /rules/0/condition");
            assertThat(arena.testId("tryit-view").isHidden()).isTrue();
            panelShot(arena, "behaviors", "panel-behaviors-tryit-invalid");

            // Another built-in opened moves the picker to its scenario; its hits are listed and marked on the timeline.
            arena.testId("open-attack").click();
            assertThat(arena.testId("tryit-scenario").inputValue()).isEqualTo("attack-closes-and-hits");
            arena.testId("tryit-run").click();
            arena.await("() => document.querySelector('[data-testid=tryit-summary]').dataset.passed === 'true'"
                    + " && !document.querySelector('[data-testid=tryit-view]').hidden", null);
            assertThat(arena.testId("tryit-events").innerText()).contains("attacker hits target");
            assertThat(page.locator(".tryit-marks .mark.hit").count()).isPositive();
            arena.testId("tryit-restart").click();
            arena.await("() => Number(document.querySelector('[data-testid=tryit-tick]').dataset.tick) > 200", null);
            arena.screenshot("tryit-hits");
            assertThat(arena.problems()).isEmpty();
        }
    }

    /** Pixels of the playback canvas that are neither the arena's background nor the space outside it. */
    private static int drawnAgentPixels(Page page) {
        return ((Number) page.evaluate("() => { const c = document.querySelector('[data-testid=tryit-canvas]');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) {"
                + "   const bg = (d[i] === 2 && d[i + 1] === 6 && d[i + 2] === 23) || (d[i] === 11 && d[i + 1] === 18 && d[i + 2] === 32);"
                + "   if (!bg) n++; }"
                + " return n; }")).intValue();
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
            List<List<Integer>> inside = arena.bodyPoints(arena.teamColor(0), 1, 0);
            assertThat(inside).as("a point inside an agent of team 0").isNotEmpty();
            List<Integer> at = inside.get(0);
            BoundingBox box = arena.testId("canvas").boundingBox();
            page.mouse().click(box.x + at.get(0), box.y + at.get(1));
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
            // The server's words (get_limits), not a copy in the page.
            first.await("() => document.querySelector('[data-testid=guest-explainer]').textContent.includes('POST /api/session')", null);
            assertThat(first.testId("guest-explainer").innerText()).contains("As a guest you can watch", "cannot save or delete");
            // The header names a guest as such, never as the default user, and says what a guest can and cannot do.
            Locator header = first.testId("user");
            assertThat(header.innerText()).startsWith("guest · sign in · world default").doesNotContain("default_user");
            first.await("() => document.querySelector('[data-testid=user]').title.includes('cannot save or delete')", null);
            first.screenshot("header-guest");
            panelShot(first, "signin", "panel-signin-guest");
            first.signIn("Alan");
            assertThat(first.testId("signin-user").innerText()).isEqualTo("Signed in as Alan.");
            assertThat(header.innerText()).startsWith("Alan · world default");
            assertThat(header.getAttribute("title")).isNull();
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
