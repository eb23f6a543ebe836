package dev.agentarena.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.util.List;
import java.util.Map;

/**
 * One Playwright and one Chromium for the whole test JVM, started on first use and closed when the JVM exits:
 * each test gets a fresh browser context of it (its own cookies and storage, like another user).
 */
final class BrowserSession {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");
    private static Browser browser;

    private BrowserSession() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            // The driver ships in Playwright's jar; its own browser download is never used.
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Chromium.executable()).setHeadless(true).setArgs(FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "close-playwright"));
        }
        return browser;
    }
}
