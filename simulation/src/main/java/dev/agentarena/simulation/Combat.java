package dev.agentarena.simulation;

import dev.agentarena.behavior.Primitive;
/**
 * Attacks: an agent whose plan weights {@link Primitive#ATTACK}, whose cooldown is over and whose target is a
 * live enemy within attack range (centre to centre) and not spawn-protected, strikes it for its own damage.
 * Striking ends the attacker's own spawn protection. Kills are credited to the striking agent.
 */
final class Combat {

    private static final int ATTACK = Primitive.ATTACK.ordinal();

    private final Simulation sim;

    Combat(Simulation sim) {
        this.sim = sim;
    }

    void attack(int i) {
        AgentTable a = sim.agents;
        long tick = sim.tick;
        if (a.weights[i * Primitive.COUNT + ATTACK] <= 0 || tick < a.cooldownUntil[i]) {
            return;
        }
        int target = a.targetSlot[i];
        if (target < 0 || !a.alive[target] || a.team[target] == a.team[i] || tick < a.protectedUntil[target]) {
            return;
        }
        double dx = a.x[target] - a.x[i];
        double dy = a.y[target] - a.y[i];
        double range = sim.rules.attackRange;
        if (dx * dx + dy * dy > range * range) {
            return;
        }
        a.cooldownUntil[i] = tick + sim.rules.cooldownTicks;
        a.protectedUntil[i] = Math.min(a.protectedUntil[i], tick);
        sim.struck(i, target, a.damage[i]);
    }
}
