package dev.agentarena.engine.stream;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.engine.world.Teams;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a world's frames share until the simulation is replaced or its config changes: bounds, zone radii,
 * per-agent constants, teams and walls. Written into every keyframe (see docs/protocol.md, "Static section").
 */
final class StaticData {

    private final String worldId;
    private final int version;
    private final int ticksPerSecond;
    final long width;
    final long height;
    private final long radius;
    final long maxHealth;
    private final long attackRange;
    private final long recognitionRange;
    private final long visualRange;
    private final long flockingDistance;
    final int teamCount;
    /** Walls in whole units, ordered by x (the order is free; sorted, their x differences stay small). */
    private final int[][] walls;

    StaticData(String worldId, int version, WorldCopy copy) {
        ArenaConfig config = copy.config;
        this.worldId = worldId;
        this.version = version;
        this.ticksPerSecond = copy.ticksPerSecond;
        this.width = steps(config.worldWidth());
        this.height = steps(config.worldHeight());
        this.radius = steps(config.agentRadius());
        this.maxHealth = Math.round(config.baseHealth());
        this.attackRange = steps(config.attackRange());
        this.recognitionRange = steps(config.recognitionRange());
        this.visualRange = steps(config.visualRange());
        this.flockingDistance = steps(config.flockingDistance());
        this.teamCount = copy.teamCount;
        this.walls = quantizedWalls(copy.walls);
    }

    private static long steps(double units) {
        return Math.round(units * Frame.POSITION_STEPS_PER_UNIT);
    }

    private static int[][] quantizedWalls(List<WallSpec> specs) {
        int[][] out = new int[specs.size()][];
        for (int i = 0; i < out.length; i++) {
            WallSpec w = specs.get(i);
            out[i] = new int[] {(int) Math.round(w.x()), (int) Math.round(w.y()),
                    (int) Math.max(1, Math.round(w.width())), (int) Math.max(1, Math.round(w.height()))};
        }
        Arrays.sort(out, Comparator.<int[]>comparingInt(w -> w[0]).thenComparingInt(w -> w[1]));
        return out;
    }

    int version() {
        return version;
    }

    /** The static section of a keyframe, with the names {@code 0..nameCount-1}. */
    void write(BitWriter out, NameTable names, int nameCount) {
        out.string(worldId);
        out.varint(version);
        out.varint(ticksPerSecond);
        out.varint(width);
        out.varint(height);
        out.varint(radius);
        out.varint(maxHealth);
        out.varint(attackRange);
        out.varint(recognitionRange);
        out.varint(visualRange);
        out.varint(flockingDistance);
        out.u8(teamCount);
        for (int t = 0; t < teamCount; t++) {
            out.string(Teams.name(t));
            out.string(Teams.color(t));
        }
        out.varint(nameCount);
        for (int i = 0; i < nameCount; i++) {
            out.string(names.get(i));
        }
        out.varint(walls.length);
        int yBits = BitWriter.bitsFor(height / Frame.POSITION_STEPS_PER_UNIT);
        int previousX = 0;
        for (int[] wall : walls) {
            out.expGolomb(Math.max(0, wall[0] - previousX), 5);
            out.bits(Math.max(0, wall[1]), yBits);
            out.expGolomb(wall[2], 4);
            boolean square = wall[2] == wall[3];
            out.bit(square);
            if (!square) {
                out.expGolomb(wall[3], 4);
            }
            previousX = Math.max(previousX, wall[0]);
        }
        out.alignToByte();
    }
}
