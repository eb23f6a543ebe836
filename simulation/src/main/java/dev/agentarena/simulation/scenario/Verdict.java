package dev.agentarena.simulation.scenario;

/**
 * How one expectation fared.
 *
 * @param index    its position in the document's {@code expectations}
 * @param type     its type, as written
 * @param ok       whether it held
 * @param measured the value it was judged on (a distance, a tick, a health, a count); -1 for "never happened"
 * @param message  what was expected and what was measured, for people
 */
public record Verdict(int index, String type, boolean ok, double measured, String message) {
}
