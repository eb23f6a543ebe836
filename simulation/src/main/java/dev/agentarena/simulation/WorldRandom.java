package dev.agentarena.simulation;

/**
 * The one seeded generator of a world: SplitMix64 with the golden gamma, drawing exactly the numbers
 * {@link java.util.SplittableRandom} draws from the same seed, but with its whole state (one long) readable,
 * so that a saved world resumes the very sequence it left off (SplittableRandom hides its state).
 */
final class WorldRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    WorldRandom(long seed) {
        state = seed;
    }

    /** The state to save; {@code new WorldRandom(state())} continues the same sequence. */
    long state() {
        return state;
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (mix64(nextSeed()) >>> 11) * DOUBLE_UNIT;
    }

    boolean nextBoolean() {
        return mix32(nextSeed()) < 0;
    }

    private long nextSeed() {
        return state += GOLDEN_GAMMA;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
