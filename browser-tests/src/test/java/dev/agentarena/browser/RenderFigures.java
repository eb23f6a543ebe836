package dev.agentarena.browser;

/** The HUD's draw time per frame and frames per second, averaged over a few seconds once the figures settled. */
record RenderFigures(double drawMs, double fps, int alive) {

    private static final int SETTLE_MS = 3000;
    private static final int SAMPLES = 5;
    private static final int SAMPLE_EVERY_MS = 1000;

    static RenderFigures sample(ArenaPage arena) {
        arena.page().waitForTimeout(SETTLE_MS);
        double draw = 0;
        double fps = 0;
        for (int i = 0; i < SAMPLES; i++) {
            arena.page().waitForTimeout(SAMPLE_EVERY_MS);
            draw += Double.parseDouble(arena.testId("hud-rates").getAttribute("data-draw-ms"));
            fps += Double.parseDouble(arena.testId("hud-rates").getAttribute("data-fps"));
        }
        int alive = ((Number) arena.page().evaluate("() => [...document.querySelectorAll('[data-testid=hud-teams] li')]"
                + ".reduce((s, li) => s + Number(li.dataset.alive), 0)")).intValue();
        return new RenderFigures(draw / SAMPLES, fps / SAMPLES, alive);
    }
}
