package dev.agentarena.simulation;

import dev.agentarena.simulation.state.StateWriter;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateCaptureTest {

    @Test
    void aCaptureWritesExactlyWhatSaveStateWritesForFortyRandomWorldsThroughOneReusedCapture() {
        SplittableRandom random = new SplittableRandom(1515);
        StateCapture capture = new StateCapture();
        StateWriter out = new StateWriter();
        int wrappedQueues = 0;
        for (int w = 0; w < 40; w++) {
            RandomWorld world = RandomWorld.random(random);
            Simulation sim = world.start();
            world.run(sim, 0, random.nextInt(0, 1500));
            if (sim.dueHead + sim.dueSize > sim.dueQueue.length) {
                wrappedQueues++;
            }
            sim.capture(capture);
            capture.writeTo(out.reset());
            assertThat(out.toByteArray()).as("world %d at tick %d", w, sim.tick()).isEqualTo(sim.saveState());
        }
        assertThat(wrappedQueues).as("worlds whose decision queue wraps around its ring").isPositive();
    }

    @Test
    void aCaptureReusedForABiggerWorldOfAnotherShapeIsRightToo() {
        SplittableRandom random = new SplittableRandom(7);
        StateCapture capture = new StateCapture();
        Simulation small = started(RandomWorld.random(random, Map.of("teamCount", 2, "teamSize", 3)), 300);
        small.capture(capture);
        assertThat(written(capture)).isEqualTo(small.saveState());

        Simulation big = started(RandomWorld.random(random, Map.of("teamCount", 4, "teamSize", 150,
                "worldWidth", 3000.0, "worldHeight", 2000.0)), 300);
        assertThat(big.slots()).isGreaterThan(small.slots() * 10);
        big.capture(capture);
        assertThat(written(capture)).isEqualTo(big.saveState());

        small.capture(capture);
        assertThat(written(capture)).as("back to the small world").isEqualTo(small.saveState());
    }

    @Test
    void whatACaptureWritesDoesNotChangeWhileItsWorldGoesOn() {
        SplittableRandom random = new SplittableRandom(11);
        for (int w = 0; w < 10; w++) {
            RandomWorld world = RandomWorld.random(random);
            int tick = random.nextInt(0, 1200);
            Simulation sim = started(world, tick);
            byte[] atCapture = sim.saveState();
            StateCapture capture = new StateCapture();
            sim.capture(capture);

            // Past every kind of command (adds, removals, placements with waypoints, behavior changes).
            world.run(sim, tick, tick + 400);
            sim.addAgent(0);
            assertThat(sim.saveState()).as("world %d has changed", w).isNotEqualTo(atCapture);
            assertThat(written(capture)).as("world %d captured at tick %d", w, tick).isEqualTo(atCapture);
        }
    }

    @Test
    void writeToAppendsAfterWhatTheWriterHolds() {
        Simulation sim = started(RandomWorld.random(new SplittableRandom(3)), 100);
        StateCapture capture = new StateCapture();
        sim.capture(capture);
        StateWriter out = new StateWriter().writeInt(42);
        capture.writeTo(out);
        byte[] expected = new StateWriter().writeInt(42).append(savedInto(sim)).toByteArray();
        assertThat(out.toByteArray()).isEqualTo(expected);
    }

    @Test
    void anEmptyCaptureRefusesToWrite() {
        assertThatThrownBy(() -> new StateCapture().writeTo(new StateWriter()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Simulation started(RandomWorld world, int ticks) {
        Simulation sim = world.start();
        world.run(sim, 0, ticks);
        return sim;
    }

    private static byte[] written(StateCapture capture) {
        StateWriter out = new StateWriter();
        capture.writeTo(out);
        return out.toByteArray();
    }

    private static StateWriter savedInto(Simulation sim) {
        StateWriter out = new StateWriter();
        sim.saveState(out);
        return out;
    }
}
