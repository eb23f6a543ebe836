package dev.agentarena.simulation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class WorldRandomTest {

    @Test
    void drawsWhatSplittableRandomDrawsAndResumesFromItsState() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom expected = new SplittableRandom(seed);
            WorldRandom actual = new WorldRandom(seed);
            for (int i = 0; i < 10_000; i++) {
                if (i % 3 == 0) {
                    assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
                } else {
                    assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
                }
            }
            WorldRandom resumed = new WorldRandom(actual.state());
            for (int i = 0; i < 100; i++) {
                assertThat(resumed.nextDouble()).isEqualTo(expected.nextDouble());
            }
        }
    }
}
