package dev.agentarena.behavior;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tunable number of a behavior, visible to its expressions as {@code params.<name>}.
 *
 * @param defaultValue value used unless an assignment overrides it (JSON field {@code default})
 * @param min          smallest accepted value
 * @param max          largest accepted value
 */
public record ParamSpec(@JsonProperty("default") Double defaultValue, Double min, Double max, String description) {
}
