package dev.agentarena.behavior;

/**
 * What one agent perceives at a think, supplied by the engine. Implementations are expected to be a reusable
 * view over the simulation's arrays (re-pointed at each agent), so evaluating a behavior allocates nothing on
 * the engine's side. Values must be finite.
 */
public interface PerceptionValues {

    /** The value of a {@link PerceptionVariable.Kind#NUMBER} variable. */
    double number(PerceptionVariable variable);

    /** The value of a {@link PerceptionVariable.Kind#FLAG} variable. */
    boolean flag(PerceptionVariable variable);
}
