package dev.agentarena.contracts.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.function.Function;

/**
 * One field of {@link ArenaConfig} as {@link ConfigSchema} describes it: what it means, its unit, its valid
 * range, its default and when a change to it takes effect. The validator reads its ranges from here, the
 * engine its apply rules, and clients the whole of it ({@code config_schema}), so there is one copy of each.
 *
 * @param name    the JSON field name
 * @param group   the section of the config it belongs to (World, Teams, Agents, Life cycle)
 * @param kind    its JSON type
 * @param meaning what the field changes in the game
 * @param unit    its unit, empty when it has none
 * @param min     least valid value of a number, null when unbounded or not a number
 * @param max     greatest valid value of a number, null when unbounded or not a number
 * @param options the valid values of a {@link Kind#CHOICE}, empty otherwise
 * @param applies when a change takes effect
 * @param read    reads this field from a config (not part of the published schema)
 */
public record ConfigField(String name, String group, Kind kind, String meaning, String unit, Double min, Double max,
                          List<String> options, Applies applies, @JsonIgnore Function<ArenaConfig, Object> read) {

    /** The JSON type of a field, as a client renders its input. */
    public enum Kind {
        /** a JSON number with a fraction allowed */
        NUMBER,
        /** a JSON integer */
        INTEGER,
        BOOLEAN,
        /** one string of {@link ConfigField#options()} */
        CHOICE,
        /** a list of walls {x, y, width, height} */
        WALLS
    }

    /** When a change to the field takes effect once {@code apply_config} sends the config to a world. */
    public enum Applies {
        LIVE("on the next tick"),
        LIVE_NEW_AGENTS("live, for agents created after the change"),
        LIVE_NEXT_SPAWN("live, from each agent's next (re)spawn"),
        LIVE_WITHIN_GRID("live while not larger than the grid cell fixed at the last reset; otherwise the world resets"),
        RESET("the world is rebuilt (as by reset) when this field differs");

        private final String description;

        Applies(String description) {
            this.description = description;
        }

        /** True when the field can change without rebuilding the world (for zone radii: while within the grid cell). */
        public boolean live() {
            return this != RESET;
        }

        public String description() {
            return description;
        }
    }

    public ConfigField {
        options = List.copyOf(options);
    }

    /** The field's value in {@link ArenaConfig#defaults()}. */
    @JsonProperty("default")
    public Object defaultValue() {
        return read.apply(ArenaConfig.defaults());
    }

    /** "live" or "reset", for a client that shows only which of the two. */
    @JsonProperty("live")
    public boolean live() {
        return applies.live();
    }

    /** How the change takes effect, in words. */
    @JsonProperty("whenApplied")
    public String whenApplied() {
        return applies.description();
    }
}
