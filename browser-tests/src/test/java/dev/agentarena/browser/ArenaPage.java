package dev.agentarena.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The page in a browser context of its own (another user, for Playwright), with what it complained about: console
 * errors and warnings, uncaught exceptions and responses of 400 and above. Screenshots go to
 * {@code target/screenshots/<name>.png}.
 */
final class ArenaPage implements AutoCloseable {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    private static final double WAIT_MS = 30_000;
    /**
     * The canvas' pixels, read from a copy: reading the page's own canvas more than once would make Chromium warn
     * (willReadFrequently), and the page is tested for warnings.
     */
    private static final String PIXELS = "(() => { const c = document.getElementById('canvas'); const copy = document.createElement('canvas');"
            + " copy.width = c.width; copy.height = c.height; const g = copy.getContext('2d', { willReadFrequently: true });"
            + " g.drawImage(c, 0, 0); return g.getImageData(0, 0, c.width, c.height).data; })()";

    private final BrowserContext context;
    private final Page page;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private ArenaPage(Browser browser) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
        context.setDefaultTimeout(WAIT_MS);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || "warning".equals(message.type())) {
                problems.add("console " + message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> problems.add("uncaught: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                problems.add("HTTP " + response.status() + " " + response.url());
            }
        });
        // confirm() (e.g. before deleting a world) answers yes.
        page.onDialog(dialog -> dialog.accept());
    }

    /** Opens the page on {@code world} and waits until it is connected and has drawn a snapshot. */
    static ArenaPage open(String baseUrl, String world) {
        ArenaPage arena = new ArenaPage(BrowserSession.browser());
        arena.page.navigate(baseUrl + ("default".equals(world) ? "/" : "/?world=" + world));
        arena.awaitOnline(world);
        return arena;
    }

    Page page() {
        return page;
    }

    /** Signs in by name with the sign-in panel and waits until the page is reconnected as that user. */
    void signIn(String name) {
        testId("signin-name").fill(name);
        testId("signin-submit").click();
        await("n => document.querySelector('[data-testid=signin-user]').dataset.user === n"
                + " && document.querySelector('[data-testid=status]').dataset.state === 'online'", name);
    }

    /** The signed-in user's token, from the page's HttpOnly session cookie (tests may read it; the page cannot). */
    String sessionToken() {
        return context.cookies().stream().filter(cookie -> "arena_session".equals(cookie.name)).map(cookie -> cookie.value)
                .findFirst().orElseThrow(() -> new AssertionError("the page is not signed in: no arena_session cookie"));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Waits until the connection is up on {@code world} and the HUD shows its first snapshot. */
    void awaitOnline(String world) {
        awaitOnline(world, WAIT_MS);
    }

    void awaitOnline(String world, double timeoutMs) {
        try {
            page.waitForFunction("w => { const s = document.querySelector('[data-testid=status]');"
                + " return s.dataset.state === 'online' && s.textContent.includes('world ' + w)"
                + " && (h => !h.hidden && h.dataset.worldId === w)(document.querySelector('[data-testid=hud]')); }", world,
                new Page.WaitForFunctionOptions().setTimeout(timeoutMs));
        } catch (PlaywrightException e) {
            throw failure("waiting for world " + world + " to show", e);
        }
    }

    Locator testId(String id) {
        return page.getByTestId(id);
    }

    /** Waits (up to 30 s) for a JavaScript predicate of the page; on timeout, says what the page showed. */
    void await(String predicate, Object arg) {
        try {
            page.waitForFunction(predicate, arg);
        } catch (PlaywrightException e) {
            throw failure("waiting for " + predicate, e);
        }
    }

    /** The failure with what the page showed: a screenshot, its status, its messages panel and its complaints. */
    AssertionError failure(String what, RuntimeException cause) {
        Path shot = screenshot("failed-" + System.currentTimeMillis());
        return new AssertionError(what + " failed; status: " + testId("status").textContent() + "; messages: "
                + testId("log").textContent() + "; problems: " + problems + "; screenshot: " + shot, cause);
    }

    /** The connection's state as the page shows it: connecting, online, reconnecting, refused. */
    void awaitStatus(String state) {
        await("s => document.querySelector('[data-testid=status]').dataset.state === s", state);
    }

    /** The HUD's figure for a team: {@code alive}, {@code agents} or {@code kills}. */
    int team(int team, String figure) {
        return Integer.parseInt(page.locator("[data-testid=hud-teams] li[data-team='" + team + "']").getAttribute("data-" + figure));
    }

    /** Waits until the HUD shows {@code figure} of {@code team} equal to {@code value}. */
    void awaitTeam(int team, String figure, int value) {
        await("([t, f, v]) => { const row = document.querySelector(`[data-testid=hud-teams] li[data-team='${t}']`);"
                + " return row && Number(row.dataset[f]) === v; }", List.of(team, figure, value));
    }

    /** Waits until the HUD says the world runs (true) or is paused (false). */
    void awaitRunning(boolean running) {
        await("r => document.querySelector('[data-testid=hud-round]').dataset.running === String(r)", running);
    }

    /** Starts the world with the Start button unless it runs already, and waits until the HUD says it runs. */
    void startRunning() {
        if (!"true".equals(testId("hud-round").getAttribute("data-running"))) {
            testId("toggle").click();
        }
        awaitRunning(true);
    }

    /** The team's colour as the HUD shows it (from the server), as "rgb(r, g, b)". */
    String teamColor(int team) {
        return (String) page.evaluate("t => getComputedStyle(document.querySelector(`[data-testid=hud-teams] li[data-team='${t}'] .swatch`)).backgroundColor", team);
    }

    /** How many canvas pixels have exactly this colour ("rgb(r, g, b)"). */
    int canvasPixels(String rgb) {
        return ((Number) page.evaluate("rgb => { const [r, g, b] = rgb.match(/\\d+/g).map(Number);"
                + " const d = " + PIXELS + ";"
                + " let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++; return n; }", rgb)).intValue();
    }

    /** Where (CSS pixels in the canvas) the first pixel of exactly this colour is, scanning rows from the top. */
    List<Integer> firstPixel(String rgb) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("rgb => { const [r, g, b] = rgb.match(/\\d+/g).map(Number);"
                + " const c = document.getElementById('canvas'); const d = " + PIXELS + "; const scale = c.width / c.clientWidth;"
                + " for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b)"
                + " return [((i / 4) % c.width) / scale, Math.floor(i / 4 / c.width) / scale]; return null; }", rgb);
        return at == null ? null : List.of(at.get(0).intValue(), at.get(1).intValue());
    }

    /**
     * Points (CSS pixels in the canvas) inside up to {@code n} different agents' bodies of exactly this colour: each
     * has the colour 3 pixels away on every side, and each is at least {@code apart} CSS pixels from the others.
     */
    List<List<Integer>> bodyPoints(String rgb, int n, int apart) {
        @SuppressWarnings("unchecked")
        List<List<Number>> found = (List<List<Number>>) page.evaluate("([rgb, n, apart]) => { const [r, g, b] = rgb.match(/\\d+/g).map(Number);"
                + " const c = document.getElementById('canvas'); const d = " + PIXELS + "; const scale = c.width / c.clientWidth;"
                + " const is = (x, y) => { const i = (y * c.width + x) * 4; return d[i] === r && d[i + 1] === g && d[i + 2] === b; };"
                + " const points = [];"
                + " for (let y = 3; y < c.height - 3 && points.length < n; y++) for (let x = 3; x < c.width - 3 && points.length < n; x++) {"
                + "   if (!(is(x, y) && is(x + 3, y) && is(x - 3, y) && is(x, y + 3) && is(x, y - 3))) continue;"
                + "   const p = [x / scale, y / scale];"
                + "   if (points.every(q => Math.hypot(q[0] - p[0], q[1] - p[1]) >= apart)) points.push(p); }"
                + " return points; }", List.of(rgb, n, apart));
        return found.stream().map(point -> List.of(point.get(0).intValue(), point.get(1).intValue())).toList();
    }

    /** A digest of the canvas' pixels: equal digests, same picture. */
    String canvasDigest() {
        return (String) page.evaluate("() => { const c = document.getElementById('canvas'); const d = " + PIXELS + ";"
                + " let h = 2166136261; for (let i = 0; i < d.length; i++) { h ^= d[i]; h = Math.imul(h, 16777619); }"
                + " return (h >>> 0).toString(16) + ':' + c.width + 'x' + c.height; }");
    }

    Path screenshot(String name) {
        Path path = Path.of(System.getProperty("arena.screenshots", "target/screenshots"), name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(path));
        return path;
    }

    @Override
    public void close() {
        context.close();
    }
}
