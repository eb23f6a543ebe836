package dev.agentarena.engine.stream;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.Simulation;
import dev.agentarena.engine.world.WorldInfo;
import dev.agentarena.engine.ws.ServerMessages;
import dev.agentarena.testing.SnapshotDecoder;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte targets of issue 9 in a real simulation at the default density (two teams, 50 random walls and 100
 * obstacles, fights and respawns under way), one frame every 3 ticks (20 Hz at 60 Hz).
 */
class StreamSizeTest {

    private static final int FRAMES = 40;

    @ParameterizedTest
    @ValueSource(ints = {1_000, 10_000})
    void aDeltaCostsAtMostFourBytesPerAgent(int agents) {
        Simulation sim = StreamWorlds.simulation(agents, Map.of());
        StreamWorlds.steps(sim, 600);
        BinarySerializer serializer = new BinarySerializer("w");
        WorldCopy copy = new WorldCopy();
        WorldCopy.LogCursor cursor = new WorldCopy.LogCursor();
        ClientStream client = serializer.newClient();
        SnapshotDecoder decoder = new SnapshotDecoder();
        copy.fill(sim, 1, true, cursor);
        serializer.append(copy);
        decoder.decode(serializer.next(client).getBytes());
        long bytes = 0;
        long moving = 0;
        for (int frame = 0; frame < FRAMES; frame++) {
            StreamWorlds.steps(sim, 3);
            copy.fill(sim, 1, true, cursor);
            serializer.append(copy);
            Buffer delta = serializer.next(client);
            decoder.decode(delta.getBytes());
            assertThat(decoder.kind()).isEqualTo(SnapshotDecoder.DELTA);
            bytes += delta.length();
            for (int s = 0; s < copy.slots; s++) {
                moving += copy.used[s] && (copy.vx[s] != 0 || copy.vy[s] != 0) ? 1 : 0;
            }
        }
        StreamWorlds.assertMatches(decoder, copy, null);
        double perAgent = (double) bytes / FRAMES / sim.agentCount();
        System.out.printf("stream size: %d agents, %.1f%% moving, %.2f B per agent per delta (%d B per frame)%n",
                agents, 100.0 * moving / FRAMES / sim.agentCount(), perAgent, bytes / FRAMES);
        assertThat((double) moving / FRAMES / sim.agentCount()).as("most agents move").isGreaterThan(0.8);
        assertThat(perAgent).isLessThanOrEqualTo(4.0);
    }

    @Test
    void aJoinOfAThousandAgentsWallsIncludedTakesAtMostEightKilobytes() {
        Simulation sim = StreamWorlds.simulation(1_000, Map.of());
        StreamWorlds.steps(sim, 600);
        BinarySerializer serializer = new BinarySerializer("default");
        WorldCopy copy = new WorldCopy();
        copy.fill(sim, 1, true, new WorldCopy.LogCursor());
        serializer.append(copy);
        int keyframe = serializer.next(serializer.newClient()).length();
        WorldInfo info = new WorldInfo("default", true, sim.tick(), sim.round(), sim.agentCount(),
                List.of(sim.teamAgents(0), sim.teamAgents(1)), 1, 0.5, sim.config());
        String welcome = Json.write(new ServerMessages.Welcome(UUID.randomUUID().toString(),
                new ServerMessages.UserInfo(UUID.randomUUID().toString(), "default_user", true, true, Map.of()), info,
                "resume-token-22-chars", List.of("http://localhost:8080")));
        int welcomeBytes = welcome.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("join: %d walls, welcome %d B + keyframe %d B = %d B%n", sim.walls().size(), welcomeBytes,
                keyframe, welcomeBytes + keyframe);
        assertThat(sim.walls()).hasSizeGreaterThan(100);
        assertThat(welcomeBytes + keyframe).isLessThanOrEqualTo(8 * 1024);
    }
}
