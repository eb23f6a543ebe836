package dev.agentarena.simulation;

import dev.agentarena.simulation.state.StateReader;
import dev.agentarena.simulation.state.StateWriter;
import dev.agentarena.simulation.state.WorldStateException;

import java.util.Arrays;

/**
 * A uniform grid over the world for neighbor queries, rebuilt every tick by a counting sort of the live agents
 * (no allocation once sized). Cell size is the largest query radius, so a query touches at most 3 x 3 cells.
 * Items of a cell are agent slots in increasing order, which keeps iteration deterministic.
 */
final class SpatialGrid {

    private final double cellSize;
    private final double inverseCell;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private int[] cellOf = new int[0];
    private int[] items = new int[0];

    SpatialGrid(double width, double height, double cellSize) {
        this(cellSize, Math.max(1, (int) Math.ceil(width / cellSize)), Math.max(1, (int) Math.ceil(height / cellSize)));
    }

    private SpatialGrid(double cellSize, int columns, int rows) {
        this.cellSize = cellSize;
        this.inverseCell = 1 / cellSize;
        this.columns = columns;
        this.rows = rows;
        this.cellStart = new int[columns * rows + 1];
    }

    double cellSize() {
        return cellSize;
    }

    int column(double x) {
        int c = (int) (x * inverseCell);
        return c < 0 ? 0 : Math.min(c, columns - 1);
    }

    int row(double y) {
        int r = (int) (y * inverseCell);
        return r < 0 ? 0 : Math.min(r, rows - 1);
    }

    int columns() {
        return columns;
    }

    /** First index into {@link #item} of cell (column, row). */
    int start(int column, int row) {
        return cellStart[row * columns + column];
    }

    /** One past the last index of cell (column, row). */
    int end(int column, int row) {
        return cellStart[row * columns + column + 1];
    }

    int item(int index) {
        return items[index];
    }

    /** Re-sorts the slots {@code 0..slots-1} for which {@code alive} is set by their cell. */
    void rebuild(int slots, boolean[] alive, double[] x, double[] y) {
        if (cellOf.length < slots) {
            cellOf = new int[Math.max(slots, cellOf.length * 2)];
            items = new int[cellOf.length];
        }
        Arrays.fill(cellStart, 0);
        for (int i = 0; i < slots; i++) {
            if (alive[i]) {
                int cell = row(y[i]) * columns + column(x[i]);
                cellOf[i] = cell;
                cellStart[cell + 1]++;
            }
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        // Place each item at its cell's running cursor, then restore the starts by shifting back.
        for (int i = 0; i < slots; i++) {
            if (alive[i]) {
                items[cellStart[cellOf[i]]++] = i;
            }
        }
        for (int c = columns * rows; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
    }

    /**
     * Writes the grid as last built. A tick's respawns look for free spots in it before it is rebuilt, so a
     * restored world needs this very grid, not one rebuilt from the current positions.
     */
    void write(StateWriter out) {
        int count = cellStart[columns * rows];
        out.writeInt(count);
        for (int c = 1; c <= columns * rows; c++) {
            out.writeInt(cellStart[c]);
        }
        for (int k = 0; k < count; k++) {
            out.writeInt(items[k]);
        }
    }

    /**
     * This grid as last built, copied into {@code target} (a capture's earlier copy) if it has this grid's shape,
     * else into a new grid: what {@link #write} writes, without what only {@link #rebuild} uses.
     */
    SpatialGrid copyInto(SpatialGrid target) {
        SpatialGrid copy = target != null && target.columns == columns && target.rows == rows
                && target.cellSize == cellSize ? target : new SpatialGrid(cellSize, columns, rows);
        int count = cellStart[columns * rows];
        System.arraycopy(cellStart, 0, copy.cellStart, 0, cellStart.length);
        if (copy.items.length < count) {
            copy.items = new int[items.length];
        }
        System.arraycopy(items, 0, copy.items, 0, count);
        return copy;
    }

    /** Reads what {@link #write} wrote into this grid of the same dimensions, for {@code slots} slots. */
    void read(StateReader in, int slots) {
        int count = in.readCount(4);
        cellOf = new int[Math.max(slots, count)];
        items = new int[cellOf.length];
        cellStart[0] = 0;
        for (int c = 1; c <= columns * rows; c++) {
            cellStart[c] = in.readInt();
            if (cellStart[c] < cellStart[c - 1] || cellStart[c] > count) {
                throw new WorldStateException(WorldStateException.Reason.MALFORMED, "grid cell " + c + " out of order");
            }
        }
        if (cellStart[columns * rows] != count) {
            throw new WorldStateException(WorldStateException.Reason.MALFORMED, "grid holds " + count + " items, its cells "
                    + cellStart[columns * rows]);
        }
        for (int k = 0; k < count; k++) {
            items[k] = in.readInt();
            if (items[k] < 0 || items[k] >= slots) {
                throw new WorldStateException(WorldStateException.Reason.MALFORMED, "grid item " + items[k] + " is no slot");
            }
        }
    }
}
