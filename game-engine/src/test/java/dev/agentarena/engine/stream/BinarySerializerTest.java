package dev.agentarena.engine.stream;

import dev.agentarena.simulation.Simulation;
import dev.agentarena.testing.SnapshotDecoder;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinarySerializerTest {

    private final WorldCopy copy = new WorldCopy();
    private final WorldCopy.LogCursor cursor = new WorldCopy.LogCursor();
    private final BinarySerializer serializer = new BinarySerializer("w");

    private void publish(Simulation sim, int generation) {
        copy.fill(sim, generation, true, cursor);
        serializer.append(copy);
    }

    private static void decode(SnapshotDecoder decoder, Buffer frame) {
        assertThat(frame).isNotNull();
        decoder.decode(frame.getBytes());
    }

    @Test
    void aKeyframeThenDeltasRoundTripWithinTheDocumentedPrecision() {
        Simulation sim = StreamWorlds.simulation(200, Map.of());
        StreamWorlds.steps(sim, 300);
        ClientStream client = serializer.newClient();
        SnapshotDecoder decoder = new SnapshotDecoder();
        publish(sim, 1);
        decode(decoder, serializer.next(client));
        assertThat(decoder.kind()).isEqualTo(SnapshotDecoder.KEYFRAME);
        StreamWorlds.assertMatches(decoder, copy, null);
        for (SnapshotDecoder.Agent a : decoder.agentsBySlot().values()) {
            double expected = StreamWorlds.heading(copy, a.slot);
            double diff = Math.abs(Math.atan2(Math.sin(a.heading - expected), Math.cos(a.heading - expected)));
            assertThat(diff).as("heading of %d", a.id).isLessThanOrEqualTo(StreamWorlds.HEADING_PRECISION);
        }
        assertThat(serializer.next(client)).as("nothing new").isNull();
        int kills = 0;
        for (int frame = 0; frame < 200; frame++) {
            StreamWorlds.steps(sim, 3);
            publish(sim, 1);
            kills += copy.died.count;
            decode(decoder, serializer.next(client));
            assertThat(decoder.kind()).isEqualTo(SnapshotDecoder.DELTA);
            StreamWorlds.assertMatches(decoder, copy, null);
        }
        assertThat(kills).as("deaths happened, so alive, health and stats changed on the way").isPositive();
    }

    @Test
    void clientsOnTheSameBaselineShareOneEncoding() {
        Simulation sim = StreamWorlds.simulation(100, Map.of());
        ClientStream a = serializer.newClient();
        ClientStream b = serializer.newClient();
        publish(sim, 1);
        assertThat(serializer.next(a)).isSameAs(serializer.next(b));
        StreamWorlds.steps(sim, 3);
        publish(sim, 1);
        assertThat(serializer.next(a)).isSameAs(serializer.next(b));
    }

    @Test
    void aClientThatSkippedFramesGetsADeltaFromItsOwnFrameOrAKeyframeOnceItsFrameIsGone() {
        Simulation sim = StreamWorlds.simulation(200, Map.of());
        ClientStream steady = serializer.newClient();
        ClientStream slow = serializer.newClient();
        SnapshotDecoder steadyDecoder = new SnapshotDecoder();
        SnapshotDecoder slowDecoder = new SnapshotDecoder();
        int deltasWithGaps = 0;
        for (int frame = 0; frame < 120; frame++) {
            StreamWorlds.steps(sim, 3);
            publish(sim, 1);
            decode(steadyDecoder, serializer.next(steady));
            StreamWorlds.assertMatches(steadyDecoder, copy, null);
            if (frame % 4 == 0) {
                int before = slowDecoder.seq();
                decode(slowDecoder, serializer.next(slow));
                StreamWorlds.assertMatches(slowDecoder, copy, null);
                if (before >= 0) {
                    assertThat(slowDecoder.kind()).isEqualTo(SnapshotDecoder.DELTA);
                    deltasWithGaps++;
                }
            }
        }
        assertThat(deltasWithGaps).isGreaterThan(20);
        for (int frame = 0; frame < BinarySerializer.RING + 1; frame++) {
            StreamWorlds.steps(sim, 3);
            publish(sim, 1);
        }
        decode(slowDecoder, serializer.next(slow));
        assertThat(slowDecoder.kind()).as("its frame left the ring").isEqualTo(SnapshotDecoder.KEYFRAME);
        StreamWorlds.assertMatches(slowDecoder, copy, null);
        StreamWorlds.steps(sim, 3);
        publish(sim, 1);
        decode(slowDecoder, serializer.next(slow));
        assertThat(slowDecoder.kind()).isEqualTo(SnapshotDecoder.DELTA);
        StreamWorlds.assertMatches(slowDecoder, copy, null);
    }

    @Test
    void aRequestedKeyframeAndAReplacedSimulationSendKeyframesWithTheNewStaticData() {
        Simulation sim = StreamWorlds.simulation(50, Map.of());
        ClientStream client = serializer.newClient();
        SnapshotDecoder decoder = new SnapshotDecoder();
        publish(sim, 1);
        decode(decoder, serializer.next(client));
        StreamWorlds.steps(sim, 3);
        publish(sim, 1);
        client.requestKeyframe();
        decode(decoder, serializer.next(client));
        assertThat(decoder.kind()).isEqualTo(SnapshotDecoder.KEYFRAME);
        int version = decoder.staticVersion();
        Simulation reset = StreamWorlds.simulation(80, Map.of("worldWidth", 3000.0, "worldHeight", 2000.0));
        publish(reset, 2);
        decode(decoder, serializer.next(client));
        assertThat(decoder.kind()).isEqualTo(SnapshotDecoder.KEYFRAME);
        assertThat(decoder.staticVersion()).isGreaterThan(version);
        assertThat(decoder.toStateMessage().path("world").path("width").asDouble()).isEqualTo(3000.0);
        StreamWorlds.assertMatches(decoder, copy, null);
    }

    @Test
    void aViewportClientGetsTheAgentsInsideAndCountsOfTheRestAsTheViewMoves() {
        Simulation sim = StreamWorlds.simulation(1000, Map.of());
        StreamWorlds.steps(sim, 120);
        double width = sim.config().worldWidth();
        double height = sim.config().worldHeight();
        ClientStream client = serializer.newClient();
        SnapshotDecoder decoder = new SnapshotDecoder();
        Viewport view = new Viewport(0, 0, width / 4, height / 4);
        client.viewport(view);
        for (int frame = 0; frame < 60; frame++) {
            if (frame == 30) {
                view = new Viewport(width / 2, height / 2, width / 3, height / 3);
                client.viewport(view);
            }
            StreamWorlds.steps(sim, 3);
            publish(sim, 1);
            decode(decoder, serializer.next(client));
            assertThat(decoder.viewport()).isTrue();
            StreamWorlds.assertMatches(decoder, copy, view);
            assertThat(decoder.agentsBySlot().size()).isBetween(10, 500);
            for (int t = 0; t < copy.teamCount; t++) {
                long visibleAlive = 0;
                for (SnapshotDecoder.Agent a : decoder.agentsBySlot().values()) {
                    visibleAlive += a.team == t && a.alive ? 1 : 0;
                }
                assertThat(decoder.team(t).outside() + visibleAlive).isEqualTo(copy.teamAlive[t]);
            }
        }
        client.viewport(null);
        StreamWorlds.steps(sim, 3);
        publish(sim, 1);
        decode(decoder, serializer.next(client));
        assertThat(decoder.viewport()).isFalse();
        StreamWorlds.assertMatches(decoder, copy, null);
    }

    @Test
    void aDeltaCarriesNamesSeenForTheFirstTime() {
        Simulation sim = StreamWorlds.simulation(20, Map.of());
        ClientStream client = serializer.newClient();
        SnapshotDecoder decoder = new SnapshotDecoder();
        publish(sim, 1);
        decode(decoder, serializer.next(client));
        sim.setTeamPolicy(1, "a-new-behavior", new dev.agentarena.simulation.policy.BuiltInPolicies().defaultPolicy());
        StreamWorlds.steps(sim, 3);
        publish(sim, 1);
        decode(decoder, serializer.next(client));
        assertThat(decoder.kind()).isEqualTo(SnapshotDecoder.DELTA);
        assertThat(decoder.toStateMessage().path("world").path("teams").get(1).path("behavior").asText())
                .isEqualTo("a-new-behavior");
        StreamWorlds.assertMatches(decoder, copy, null);
        assertThat(decoder.toStateMessage().path("world").path("time").asDouble()).isCloseTo(0.05, within(1e-9));
    }
}
