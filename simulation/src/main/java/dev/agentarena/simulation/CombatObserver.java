package dev.agentarena.simulation;

/**
 * Told of every strike and every death as the tick makes them, on the world's thread (scenario runs trace
 * and judge with it). Not part of a world's state: a restored world has none until one is set.
 */
public interface CombatObserver {

    /** {@code attacker} struck {@code victim} (slots) for {@code damage}. */
    void struck(int attacker, int victim, double damage);

    /** {@code victim} died; {@code killer} is the slot that dealt the blow, or -1 for the environment. */
    void killed(int victim, int killer);
}
