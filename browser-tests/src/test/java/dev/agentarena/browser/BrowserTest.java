package dev.agentarena.browser;

import dev.agentarena.e2e.TestStack;
import dev.agentarena.local.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser tests: one whole stack per test class (on random ports, fresh data), one Chromium for the
 * JVM (BrowserSession). A test opens pages with {@link #open(String)} and closes them (try-with-resources).
 */
abstract class BrowserTest {

    protected static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(TestStack.repoRoot(), "browser");
        BrowserSession.browser();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /** The engine's address, where it serves the page. */
    protected static String baseUrl() {
        return "http://127.0.0.1:" + stack.engine().port();
    }

    /** The page on {@code world}, connected and showing a snapshot. */
    protected static ArenaPage open(String world) {
        return ArenaPage.open(baseUrl(), world);
    }
}
