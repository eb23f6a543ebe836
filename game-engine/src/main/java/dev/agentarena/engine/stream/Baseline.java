package dev.agentarena.engine.stream;

/** What a client knows of the agents in its baseline frame, which decides how a delta predicts positions. */
enum Baseline {
    /** A keyframe: positions rounded to a keyframe step, no displacements. */
    KEYFRAME,
    /** Exact positions, displacements unknown (the frame came after a gap or a keyframe). */
    POSITIONS,
    /** Exact positions and each agent's displacement since the frame before (the frame came right after it). */
    WITH_DISPLACEMENTS
}
