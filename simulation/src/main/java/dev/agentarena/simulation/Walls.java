package dev.agentarena.simulation;

import dev.agentarena.contracts.config.WallSpec;

import java.util.List;

/**
 * The static walls of a world, as boxes grown by the agent radius (the Minkowski sum, with square corners:
 * slightly conservative at corners, exact elsewhere), indexed in a static grid. Collision and queries treat an
 * agent as its centre point against these grown boxes; a centre exactly on a face is outside.
 */
final class Walls {

    private static final double CELL = 64;

    private final List<WallSpec> specs;
    private final int count;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellWalls;

    Walls(List<WallSpec> specs, double radius, double width, double height) {
        this.specs = List.copyOf(specs);
        this.count = specs.size();
        minX = new double[count];
        minY = new double[count];
        maxX = new double[count];
        maxY = new double[count];
        for (int i = 0; i < count; i++) {
            WallSpec w = specs.get(i);
            minX[i] = w.x() - radius;
            minY[i] = w.y() - radius;
            maxX[i] = w.x() + w.width() + radius;
            maxY[i] = w.y() + w.height() + radius;
        }
        columns = Math.max(1, (int) Math.ceil(width / CELL));
        rows = Math.max(1, (int) Math.ceil(height / CELL));
        cellStart = new int[columns * rows + 1];
        for (int i = 0; i < count; i++) {
            for (int r = row(minY[i]); r <= row(maxY[i]); r++) {
                for (int c = column(minX[i]); c <= column(maxX[i]); c++) {
                    cellStart[r * columns + c + 1]++;
                }
            }
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        cellWalls = new int[cellStart[columns * rows]];
        int[] cursor = cellStart.clone();
        for (int i = 0; i < count; i++) {
            for (int r = row(minY[i]); r <= row(maxY[i]); r++) {
                for (int c = column(minX[i]); c <= column(maxX[i]); c++) {
                    cellWalls[cursor[r * columns + c]++] = i;
                }
            }
        }
    }

    List<WallSpec> specs() {
        return specs;
    }

    int count() {
        return count;
    }

    int column(double x) {
        int c = (int) (x / CELL);
        return c < 0 ? 0 : Math.min(c, columns - 1);
    }

    int row(double y) {
        int r = (int) (y / CELL);
        return r < 0 ? 0 : Math.min(r, rows - 1);
    }

    int cellStart(int column, int row) {
        return cellStart[row * columns + column];
    }

    int cellEnd(int column, int row) {
        return cellStart[row * columns + column + 1];
    }

    int cellWall(int index) {
        return cellWalls[index];
    }

    double minX(int wall) { return minX[wall]; }
    double minY(int wall) { return minY[wall]; }
    double maxX(int wall) { return maxX[wall]; }
    double maxY(int wall) { return maxY[wall]; }

    /** Whether a centre at (x, y) lies strictly inside a grown wall, with {@code clearance} extra margin. */
    boolean blocked(double x, double y, double clearance) {
        int c = column(x);
        int r = row(y);
        for (int k = cellStart(c, r); k < cellEnd(c, r); k++) {
            int w = cellWalls[k];
            if (x > minX[w] - clearance && x < maxX[w] + clearance && y > minY[w] - clearance
                    && y < maxY[w] + clearance) {
                return true;
            }
        }
        // Clearance may reach into neighbouring cells: check every wall when it is asked for (spawning only).
        if (clearance > 0) {
            for (int w = 0; w < count; w++) {
                if (x > minX[w] - clearance && x < maxX[w] + clearance && y > minY[w] - clearance
                        && y < maxY[w] + clearance) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Distance from a centre to the nearest grown wall surface, or {@code cap} if none is nearer. */
    double nearestDistance(double x, double y, double cap) {
        double best = cap;
        int c0 = column(x - cap);
        int c1 = column(x + cap);
        int r0 = row(y - cap);
        int r1 = row(y + cap);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                for (int k = cellStart(c, r); k < cellEnd(c, r); k++) {
                    int w = cellWalls[k];
                    double dx = Math.max(Math.max(minX[w] - x, 0), x - maxX[w]);
                    double dy = Math.max(Math.max(minY[w] - y, 0), y - maxY[w]);
                    double d = Math.sqrt(dx * dx + dy * dy);
                    if (d < best) {
                        best = d;
                    }
                }
            }
        }
        return best;
    }
}
