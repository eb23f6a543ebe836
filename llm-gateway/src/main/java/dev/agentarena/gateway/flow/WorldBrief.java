package dev.agentarena.gateway.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.config.ArenaConfig;

import java.util.Locale;

/**
 * The world's rules that matter for a behavior, read from the asking panel's context when it carries a
 * config's settings (any {@code worldWidth}, {@code baseHealth}, … found in it), else the defaults.
 */
public record WorldBrief(double width, double height, double baseHealth, double attackRange, double visualRange,
                         double recognitionRange, double flockingDistance, int teamSize) {

    public static WorldBrief from(JsonNode context) {
        ArenaConfig d = ArenaConfig.defaults();
        return new WorldBrief(number(context, "worldWidth", d.worldWidth()), number(context, "worldHeight", d.worldHeight()),
                number(context, "baseHealth", d.baseHealth()), number(context, "attackRange", d.attackRange()),
                number(context, "visualRange", d.visualRange()), number(context, "recognitionRange", d.recognitionRange()),
                number(context, "flockingDistance", d.flockingDistance()), (int) number(context, "teamSize", d.teamSize()));
    }

    /** The brief as the prompt gives it to a model. */
    public String text() {
        return String.format(Locale.ROOT, "The world is %.0f x %.0f units (x from the left, y from the top; its middle is (%.0f, %.0f)),"
                        + " teams of %d agents with %.0f health each; an attack lands within %.0f units; agents see %.0f units"
                        + " (recognition zone %.0f, flocking group %.0f). Agents respawn at their spawn point (target home).",
                width, height, width / 2, height / 2, teamSize, baseHealth, attackRange, visualRange, recognitionRange, flockingDistance);
    }

    private static double number(JsonNode context, String field, double fallback) {
        if (context == null) {
            return fallback;
        }
        JsonNode value = context.findValue(field);
        return value != null && value.isNumber() && value.asDouble() > 0 && value.asDouble() < 1e6 ? value.asDouble() : fallback;
    }
}
