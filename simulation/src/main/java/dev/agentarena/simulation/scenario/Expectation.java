package dev.agentarena.simulation.scenario;

/**
 * What a scenario expects to happen, in the small vocabulary of docs/scenarios.md. Each one is checked over
 * the run by {@link ExpectationCheck} and reported as a {@link Verdict} with its measured value.
 */
public sealed interface Expectation {

    /** The distance between {@code a} and {@code b}, end against start, grows (or shrinks) by at least {@code by}. */
    record DistanceChange(String a, String b, boolean grows, double by) implements Expectation {
    }

    /**
     * {@code agent} stays within {@code radius} of a point, of a region (distance 0 inside it), or of another
     * agent, from tick {@code fromTick} on (ticks where either agent is dead are not counted).
     */
    record StaysWithin(String agent, double radius, Place place, long fromTick) implements Expectation {
    }

    /** Where {@link StaysWithin} measures from. */
    sealed interface Place {

        String describe();

        /** A place that does not move: how far (x, y) is from it. */
        sealed interface Fixed extends Place {
            double distance(double x, double y);
        }

        record Point(double x, double y) implements Fixed {
            @Override
            public double distance(double px, double py) {
                return Math.hypot(px - x, py - y);
            }

            @Override
            public String describe() {
                return "(" + ExpectationCheck.format(x) + ", " + ExpectationCheck.format(y) + ")";
            }
        }

        record Region(double x, double y, double width, double height) implements Fixed {
            @Override
            public double distance(double px, double py) {
                return Math.hypot(Math.max(0, Math.max(x - px, px - x - width)), Math.max(0, Math.max(y - py, py - y - height)));
            }

            @Override
            public String describe() {
                return "the region " + ExpectationCheck.format(width) + " x " + ExpectationCheck.format(height) + " at ("
                        + ExpectationCheck.format(x) + ", " + ExpectationCheck.format(y) + ")";
            }
        }

        /** Another agent, wherever it is at each tick. */
        record Agent(String name) implements Place {
            @Override
            public String describe() {
                return name;
            }
        }
    }

    /** {@code agent} is in state {@code state} (any state shown to clients, DEAD included) by tick {@code byTick}. */
    record ReachesState(String agent, String state, long byTick) implements Expectation {
    }

    /** {@code agent}, alive, decides by rule {@code rule} of its behavior by tick {@code byTick}. */
    record ReachesRule(String agent, String rule, long byTick) implements Expectation {
    }

    /** {@code agent} strikes (or, with {@code kill}, kills) {@code target} by tick {@code byTick}. */
    record Attacks(String agent, String target, boolean kill, long byTick) implements Expectation {
    }

    /** {@code agent}'s health at the end is at least {@code health} (a dead agent's is 0). */
    record HealthAtLeast(String agent, double health) implements Expectation {
    }

    /** Team {@code team} makes at least {@code kills} kills over the run (across rounds). */
    record TeamKills(int team, int kills) implements Expectation {
    }

    /** No agent's centre ever leaves the bounds shrunk by the agent radius. */
    record InBounds() implements Expectation {
    }
}
