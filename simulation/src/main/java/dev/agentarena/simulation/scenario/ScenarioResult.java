package dev.agentarena.simulation.scenario;

import java.util.List;

/**
 * What a scenario run gives back.
 *
 * @param ticks     ticks actually run (fewer than asked when the run was stopped)
 * @param stopped   why the run stopped early (its CPU-time budget), or null when it ran every tick
 * @param elapsedMs wall-clock time of the run, for information: the only part that differs between equal runs
 */
public record ScenarioResult(String name, List<Verdict> expectations, Trace trace, long ticks, String stopped,
                             long elapsedMs) {

    /** True when the run was complete and every expectation held. */
    public boolean passed() {
        return stopped == null && expectations.stream().allMatch(Verdict::ok);
    }
}
