package dev.agentarena.simulation;

/** What the targeted primitives (seek, flee, arrive, pursue, evade, attack) aim at. */
public enum TargetKind {
    NONE, NEAREST_ENEMY, WEAKEST_ENEMY, NEAREST_ALLY, HOME;

    static final TargetKind[] ALL = values();
}
