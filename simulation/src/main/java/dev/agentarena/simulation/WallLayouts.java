package dev.agentarena.simulation;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a world's walls from its config: a named layout, then the config's custom walls. Only the
 * {@code prototype} layout is random (seeded): the prototype's generator plus {@code numRandomWalls} wall
 * segments and {@code obstacleCount} square obstacles, each kept {@code minWallGap} from every other wall and
 * from the bounds. The fixed presets scale with the world.
 */
final class WallLayouts {

    static final double THICKNESS = 10;
    private static final int PLACEMENT_ATTEMPTS = 50;

    private WallLayouts() {
    }

    static List<WallSpec> build(ArenaConfig config, WorldRandom random) {
        double w = config.worldWidth();
        double h = config.worldHeight();
        List<WallSpec> walls = new ArrayList<>();
        switch (config.wallLayout()) {
            case "prototype" -> prototype(config, random, walls);
            case "fortress" -> fortress(w, h, walls);
            case "maze" -> maze(w, h, config.agentRadius(), walls);
            default -> { } // open: no walls but the custom ones
        }
        walls.addAll(config.walls());
        return walls;
    }

    /** The prototype's generator: 4 corner walls, maybe a centre cross, a parallel or "diagonal" pair. */
    private static void prototype(ArenaConfig config, WorldRandom random, List<WallSpec> walls) {
        double w = config.worldWidth();
        double h = config.worldHeight();
        double margin = 40;
        for (int corner = 0; corner < 4; corner++) {
            double length = 60 + random.nextDouble() * 60;
            boolean right = (corner & 1) == 1;
            boolean bottom = (corner & 2) == 2;
            double x = right ? w - margin - length : margin;
            double y = bottom ? h - margin - THICKNESS : margin;
            walls.add(new WallSpec(x, y, length, THICKNESS));
        }
        if (random.nextBoolean()) {
            walls.add(new WallSpec(w / 2 - 40, h / 2 - 20, 80, 40));
            walls.add(new WallSpec(w / 2 - 20, h / 2 - 40, 40, 80));
        }
        double length = h * 0.25;
        if (random.nextBoolean()) {
            double gap = 60 + random.nextDouble() * 40;
            double x = w * 0.2;
            walls.add(new WallSpec(x, h / 2 - length / 2, THICKNESS, length));
            walls.add(new WallSpec(x + gap, h / 2 - length / 2, THICKNESS, length));
        } else {
            walls.add(new WallSpec(w * 0.2, h * 0.25, THICKNESS, length));
            walls.add(new WallSpec(w * 0.8 - THICKNESS, h * 0.75 - length, THICKNESS, length));
        }
        double gap = config.minWallGap();
        for (int i = 0; i < config.numRandomWalls(); i++) {
            place(walls, gap, w, h, random, () -> {
                double segment = 40 + random.nextDouble() * 110;
                return random.nextBoolean() ? new double[] {segment, THICKNESS} : new double[] {THICKNESS, segment};
            });
        }
        double size = config.obstacleSize();
        for (int i = 0; i < config.obstacleCount(); i++) {
            place(walls, gap, w, h, random, () -> new double[] {size, size});
        }
    }

    private interface Size {
        double[] next();
    }

    /** Tries a few random spots for a wall of a random size; gives up quietly when the world is too crowded. */
    private static void place(List<WallSpec> walls, double gap, double w, double h, WorldRandom random,
                              Size size) {
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            double[] s = size.next();
            if (s[0] + 2 * gap > w || s[1] + 2 * gap > h) {
                return;
            }
            double x = gap + random.nextDouble() * (w - s[0] - 2 * gap);
            double y = gap + random.nextDouble() * (h - s[1] - 2 * gap);
            WallSpec candidate = new WallSpec(x, y, s[0], s[1]);
            if (walls.stream().allMatch(other -> apart(candidate, other, gap))) {
                walls.add(candidate);
                return;
            }
        }
    }

    private static boolean apart(WallSpec a, WallSpec b, double gap) {
        return a.x() + a.width() + gap <= b.x() || b.x() + b.width() + gap <= a.x()
                || a.y() + a.height() + gap <= b.y() || b.y() + b.height() + gap <= a.y();
    }

    /** A square keep in the middle with a door in each side, and a bunker near each corner. */
    private static void fortress(double w, double h, List<WallSpec> walls) {
        double side = Math.min(w, h) * 0.4;
        double door = Math.max(60, side * 0.25);
        double left = w / 2 - side / 2;
        double top = h / 2 - side / 2;
        double half = (side - door) / 2;
        walls.add(new WallSpec(left, top, half, THICKNESS));
        walls.add(new WallSpec(left + half + door, top, half, THICKNESS));
        walls.add(new WallSpec(left, top + side - THICKNESS, half, THICKNESS));
        walls.add(new WallSpec(left + half + door, top + side - THICKNESS, half, THICKNESS));
        walls.add(new WallSpec(left, top, THICKNESS, half));
        walls.add(new WallSpec(left, top + half + door, THICKNESS, half));
        walls.add(new WallSpec(left + side - THICKNESS, top, THICKNESS, half));
        walls.add(new WallSpec(left + side - THICKNESS, top + half + door, THICKNESS, half));
        double bunker = Math.min(w, h) * 0.08;
        double inset = Math.min(w, h) * 0.15;
        walls.add(new WallSpec(inset, inset, bunker, bunker));
        walls.add(new WallSpec(w - inset - bunker, inset, bunker, bunker));
        walls.add(new WallSpec(inset, h - inset - bunker, bunker, bunker));
        walls.add(new WallSpec(w - inset - bunker, h - inset - bunker, bunker, bunker));
    }

    /**
     * A regular maze of wall segments: on a lattice of cells, each interior lattice point grows one segment
     * (alternating directions, shifted every row) that stops short of the next point, so every corridor stays
     * at least several agent diameters wide and the whole maze stays connected.
     */
    private static void maze(double w, double h, double radius, List<WallSpec> walls) {
        double cell = Math.max(120, radius * 10);
        int columns = (int) (w / cell);
        int rows = (int) (h / cell);
        double offsetX = (w - columns * cell) / 2;
        double offsetY = (h - rows * cell) / 2;
        double length = cell * 0.6;
        for (int r = 1; r < rows; r++) {
            for (int c = 1; c < columns; c++) {
                double x = offsetX + c * cell;
                double y = offsetY + r * cell;
                if (((r + c) & 1) == 0) {
                    walls.add(new WallSpec(x - THICKNESS / 2, y - THICKNESS / 2, length, THICKNESS));
                } else {
                    walls.add(new WallSpec(x - THICKNESS / 2, y - THICKNESS / 2, THICKNESS, length));
                }
            }
        }
    }
}
