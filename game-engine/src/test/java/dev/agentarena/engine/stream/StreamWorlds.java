package dev.agentarena.engine.stream;

import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.Simulation;
import dev.agentarena.testing.SnapshotDecoder;
import io.vertx.core.buffer.Buffer;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Real simulations for the stream tests, and the check that a decoded frame matches the copy it was made of. */
final class StreamWorlds {

    /** Half a position step: the most a position decoded from a delta may differ from the simulation's. */
    static final double POSITION_PRECISION = 0.5 / Frame.POSITION_STEPS_PER_UNIT;
    /** Half a keyframe step, for positions decoded from a keyframe (rounded from the 1/4 steps: plus half of one). */
    static final double KEYFRAME_POSITION_PRECISION = 0.5 * FrameEncoder.KEYFRAME_STEP / Frame.POSITION_STEPS_PER_UNIT
            + POSITION_PRECISION;
    static final double HEADING_PRECISION = Math.PI / Frame.HEADING_STEPS + 1e-9;

    private StreamWorlds() {
    }

    /** A world of {@code agents} at the default density (48,000 square units each), two teams, the default walls. */
    static Simulation simulation(int agents, Map<String, Object> overrides) {
        double width = Math.floor(Math.sqrt(agents * 800.0 * 600.0 / 10 * 4 / 3));
        Map<String, Object> fields = new HashMap<>(Map.of("worldWidth", width, "worldHeight", Math.floor(width * 3 / 4),
                "teamSize", agents / 2, "numRandomWalls", 50, "obstacleCount", 100));
        fields.putAll(overrides);
        ArenaConfig config = Json.mapper().convertValue(fields, ArenaConfig.class);
        Simulation sim = new Simulation(config, 60, BuiltInBehaviors.DEFAULT, new BuiltInPolicies().defaultPolicy());
        sim.populate();
        return sim;
    }

    static void steps(Simulation sim, int ticks) {
        for (int i = 0; i < ticks; i++) {
            sim.step();
        }
    }

    static byte[] bytes(Buffer buffer) {
        return buffer.getBytes();
    }

    /** Every agent of {@code copy} (inside {@code view} when given) is decoded within the documented precision. */
    static void assertMatches(SnapshotDecoder decoder, WorldCopy copy, Viewport view) {
        Map<Integer, SnapshotDecoder.Agent> decoded = decoder.agentsBySlot();
        double precision = decoder.kind() == SnapshotDecoder.KEYFRAME ? KEYFRAME_POSITION_PRECISION : POSITION_PRECISION;
        int expected = 0;
        for (int s = 0; s < copy.slots; s++) {
            if (!copy.used[s]) {
                continue;
            }
            int sx = (int) Math.round(copy.x[s] * Frame.POSITION_STEPS_PER_UNIT);
            int sy = (int) Math.round(copy.y[s] * Frame.POSITION_STEPS_PER_UNIT);
            if (view != null && !view.contains(sx, sy)) {
                assertThat(decoded).as("slot %d is outside the view", s).doesNotContainKey(s);
                continue;
            }
            expected++;
            SnapshotDecoder.Agent a = decoded.get(s);
            assertThat(a).as("slot %d", s).isNotNull();
            assertThat(a.id).isEqualTo(copy.id[s]);
            assertThat(a.team).isEqualTo(copy.team[s]);
            assertThat(a.worldX()).as("x of %d", a.id).isCloseTo(copy.x[s], within(precision));
            assertThat(a.worldY()).as("y of %d", a.id).isCloseTo(copy.y[s], within(precision));
            assertThat((double) a.health).isCloseTo(copy.health[s], within(0.5));
            assertThat(decoder.name(a.state)).isEqualTo(copy.state[s]);
            assertThat(decoder.name(a.behavior)).isEqualTo(copy.behavior[s]);
            assertThat(a.alive).isEqualTo(copy.alive[s]);
            assertThat(a.spawnProtected).isEqualTo(copy.spawnProtected[s]);
            assertThat(a.kills).isEqualTo(copy.kills[s]);
            assertThat(a.deaths).isEqualTo(copy.deaths[s]);
        }
        assertThat(decoded).hasSize(expected);
        for (int t = 0; t < copy.teamCount; t++) {
            SnapshotDecoder.Team team = decoder.team(t);
            assertThat(team.agents()).isEqualTo(copy.teamAgents[t]);
            assertThat(team.alive()).isEqualTo(copy.teamAlive[t]);
            assertThat(team.kills()).isEqualTo(copy.teamKills[t]);
            assertThat(decoder.name(team.behavior())).isEqualTo(copy.teamBehavior[t]);
        }
        assertThat(decoder.tick()).isEqualTo(copy.tick);
    }

    /** The motion direction the copy shows (what a keyframe's heading carries). */
    static double heading(WorldCopy copy, int s) {
        return copy.vx[s] != 0 || copy.vy[s] != 0 ? Math.atan2(copy.vy[s], copy.vx[s]) : copy.heading[s];
    }
}
