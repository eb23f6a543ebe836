package dev.agentarena.contracts.config;

/** An axis-aligned wall rectangle listed in a config: top-left corner and size, in world units. */
public record WallSpec(double x, double y, double width, double height) {
}
