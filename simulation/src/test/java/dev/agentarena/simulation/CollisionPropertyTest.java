package dev.agentarena.simulation;

import dev.agentarena.contracts.config.WallSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Randomized property: over many random worlds (every layout, thin custom walls, fast and slow agents,
 * crowding, combat), no agent ever ends a tick with its body inside a wall or outside the bounds.
 */
class CollisionPropertyTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void noAgentEverEndsATickInsideAWallOrOutsideTheBounds() {
        SplittableRandom random = new SplittableRandom(20250101);
        long agentTicks = 0;
        int fastWorlds = 0;
        for (int world = 0; world < 64; world++) {
            Map<String, Object> fields = new HashMap<>();
            double width = 300 + random.nextInt(700);
            double height = 300 + random.nextInt(500);
            fields.put("worldWidth", width);
            fields.put("worldHeight", height);
            fields.put("seed", random.nextLong());
            fields.put("wallLayout", List.of("open", "prototype", "fortress", "maze").get(world % 4));
            double radius = 2 + random.nextInt(12);
            fields.put("agentRadius", radius);
            boolean fast = world % 2 == 0;
            fastWorlds += fast ? 1 : 0;
            fields.put("minSpeed", fast ? 10.0 : 1.0);
            fields.put("maxSpeed", fast ? 50.0 : 4.0);
            fields.put("maxForce", fast ? 10.0 : 0.5);
            fields.put("turnSpeed", Math.PI);
            fields.put("teamCount", 2 + random.nextInt(7));
            fields.put("teamSize", 4 + random.nextInt(8));
            fields.put("walls", thinWalls(random, width, height));
            Simulation sim = TestConfigs.simulation(TestConfigs.with(fields));
            sim.populate();
            for (int tick = 0; tick < 600; tick++) {
                sim.step();
                agentTicks += check(sim, radius, width, height);
            }
        }
        assertThat(fastWorlds).isGreaterThan(10);
        assertThat(agentTicks).isGreaterThanOrEqualTo(1_000_000);
    }

    /** Thin walls (1 to 3 units) in every direction, some crossing each other. */
    private static List<WallSpec> thinWalls(SplittableRandom random, double width, double height) {
        List<WallSpec> walls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double thickness = 1 + random.nextDouble() * 2;
            double length = 30 + random.nextDouble() * 150;
            boolean horizontal = random.nextBoolean();
            double w = horizontal ? length : thickness;
            double h = horizontal ? thickness : length;
            walls.add(new WallSpec(random.nextDouble() * (width - w), random.nextDouble() * (height - h), w, h));
        }
        return walls;
    }

    private static int check(Simulation sim, double radius, double width, double height) {
        int alive = 0;
        for (int s = 0; s < sim.slots(); s++) {
            if (!sim.used(s) || !sim.alive(s)) {
                continue;
            }
            alive++;
            double x = sim.x(s);
            double y = sim.y(s);
            if (x < radius - TOLERANCE || x > width - radius + TOLERANCE
                    || y < radius - TOLERANCE || y > height - radius + TOLERANCE) {
                fail("agent %d at (%f, %f) is outside the %f x %f bounds at tick %d", sim.id(s), x, y, width, height,
                        sim.tick());
            }
            for (WallSpec wall : sim.walls()) {
                double dx = Math.max(Math.max(wall.x() - x, 0), x - (wall.x() + wall.width()));
                double dy = Math.max(Math.max(wall.y() - y, 0), y - (wall.y() + wall.height()));
                if (dx * dx + dy * dy < (radius - TOLERANCE) * (radius - TOLERANCE)) {
                    fail("agent %d at (%f, %f) overlaps wall %s at tick %d", sim.id(s), x, y, wall, sim.tick());
                }
            }
        }
        return alive;
    }
}
