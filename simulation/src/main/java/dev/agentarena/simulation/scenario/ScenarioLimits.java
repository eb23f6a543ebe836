package dev.agentarena.simulation.scenario;

/** What a scenario may ask for (docs/scenarios.md); a document over them is refused. */
public final class ScenarioLimits {

    public static final int MAX_AGENTS = 200;
    public static final int MAX_TICKS = 3_600;
    public static final int MAX_EXPECTATIONS = 50;
    public static final int MAX_WAYPOINTS = 100;
    /** Longest document, in characters (inline behaviors included). */
    public static final int MAX_DOCUMENT_CHARS = 512 * 1024;
    public static final int MAX_NAME_CHARS = 80;
    public static final int MAX_DESCRIPTION_CHARS = 2_000;
    /** CPU time a run may take before it is stopped and reported as such; a runner may be given less. */
    public static final long DEFAULT_CPU_BUDGET_MS = 2_000;
    /** The tick rate of every scenario (the engine's). */
    public static final int TICKS_PER_SECOND = 60;

    private ScenarioLimits() {
    }
}
