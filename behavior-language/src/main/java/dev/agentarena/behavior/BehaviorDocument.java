package dev.agentarena.behavior;

import java.util.List;
import java.util.Map;

/**
 * A behavior as players and the copilot write it (see docs/behaviors.md). Build one with
 * {@link BehaviorParser}; a parsed document is structurally complete but its expressions are unchecked
 * until {@link BehaviorCompiler} compiles it.
 *
 * @param schemaVersion the language version the document is written in ({@link #SCHEMA_VERSION})
 * @param params        tunable numbers by name, in declaration order
 * @param rules         rules in priority order
 */
public record BehaviorDocument(Integer schemaVersion, String name, String description,
                               Map<String, ParamSpec> params, List<Rule> rules) {

    public static final int SCHEMA_VERSION = 1;

    public Map<String, ParamSpec> paramsOrEmpty() {
        return params == null ? Map.of() : params;
    }
}
