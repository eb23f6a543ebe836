package dev.agentarena.engine.stream;

/**
 * The part of the world a client shows, in world units (top-left corner and size). It gets the agents inside,
 * grown by a margin so that agents entering the view are already there: 10 % of the larger side, at least
 * {@value #MIN_MARGIN} units.
 */
public record Viewport(double x, double y, double width, double height) {

    static final double MIN_MARGIN = 50;

    /** Whether a position in position steps lies in the view plus its margin. */
    boolean contains(int stepsX, int stepsY) {
        double margin = Math.max(MIN_MARGIN, 0.1 * Math.max(width, height));
        double px = (double) stepsX / Frame.POSITION_STEPS_PER_UNIT;
        double py = (double) stepsY / Frame.POSITION_STEPS_PER_UNIT;
        return px >= x - margin && px <= x + width + margin && py >= y - margin && py <= y + height + margin;
    }
}
