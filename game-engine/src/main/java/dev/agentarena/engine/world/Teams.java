package dev.agentarena.engine.world;

/** Team names and colors, in team order (red and blue first, as in the prototype). */
public final class Teams {

    private static final String[] NAMES = {"red", "blue", "green", "yellow", "purple", "orange", "teal", "pink"};
    private static final String[] COLORS =
            {"#ef4444", "#3b82f6", "#22c55e", "#eab308", "#a855f7", "#f97316", "#14b8a6", "#ec4899"};

    private Teams() {
    }

    public static String name(int team) {
        return NAMES[team];
    }

    public static String color(int team) {
        return COLORS[team];
    }
}
