package dev.agentarena.simulation.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BehaviorCompiler;
import dev.agentarena.behavior.CompileResult;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.simulation.AgentPlacement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a scenario document (docs/scenarios.md). Every problem is reported, each with the JSON
 * pointer of the offending value and a stable code, as behaviors are; inline behaviors are compiled here
 * and their diagnostics reported under their agent's {@code /behavior}. Behavior ids are only checked to be
 * ids here: whether one exists is the runner's to tell, which knows the catalog.
 */
public final class ScenarioParser {

    private static final Set<String> TOP = Set.of("name", "description", "arena", "seed", "ticks", "trace", "agents",
            "expectations");
    private static final Set<String> AGENT = Set.of("name", "team", "position", "velocity", "health", "maxSpeed",
            "damage", "behavior", "waypoints", "loop");

    private final List<FieldError> errors = new ArrayList<>();

    private ScenarioParser() {
    }

    /** The scenario in {@code json}, or an {@link InvalidScenarioException} listing every problem. */
    public static Scenario parse(String json) {
        if (json == null || json.length() > ScenarioLimits.MAX_DOCUMENT_CHARS) {
            throw new InvalidScenarioException(List.of(new FieldError("", "TOO_LARGE",
                    "a scenario document is at most " + ScenarioLimits.MAX_DOCUMENT_CHARS + " characters")));
        }
        JsonNode root;
        try {
            root = Json.tree(json);
        } catch (JsonReadException e) {
            throw new InvalidScenarioException(List.of(new FieldError(e.path(), "BAD_JSON", e.getMessage())));
        }
        return parse(root);
    }

    /** The scenario in an already parsed document. */
    public static Scenario parse(JsonNode root) {
        ScenarioParser parser = new ScenarioParser();
        Scenario scenario = parser.scenario(root);
        if (!parser.errors.isEmpty()) {
            throw new InvalidScenarioException(parser.errors);
        }
        return scenario;
    }

    private Scenario scenario(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("", "BAD_TYPE", "a scenario is a JSON object");
            return null;
        }
        unknownFields(root, "", TOP);
        String name = string(root, "", "name", true, ScenarioLimits.MAX_NAME_CHARS);
        String description = string(root, "", "description", false, ScenarioLimits.MAX_DESCRIPTION_CHARS);
        ArenaConfig config = arena(root.get("arena"), root.get("seed"));
        int ticks = (int) integer(root, "", "ticks", true, 1, ScenarioLimits.MAX_TICKS, 0);
        List<ScenarioAgent> agents = agents(root.get("agents"), config);
        Set<String> names = new HashSet<>();
        agents.forEach(a -> names.add(a.name()));
        int sampleEvery = 10;
        List<String> traced = agents.stream().map(ScenarioAgent::name).toList();
        JsonNode trace = root.get("trace");
        if (trace != null && object(trace, "/trace")) {
            unknownFields(trace, "/trace", Set.of("every", "agents"));
            sampleEvery = (int) integer(trace, "/trace", "every", false, 1, ScenarioLimits.MAX_TICKS, 10);
            if (trace.has("agents")) {
                traced = names(trace.get("agents"), "/trace/agents", names);
            }
        }
        List<Expectation> expectations = new ExpectationParser(this, names, config == null ? 1 : config.teamCount())
                .all(root.get("expectations"));
        return config == null ? null : new Scenario(name, description, config, ticks, sampleEvery, agents, traced,
                expectations);
    }

    /** The arena's config fields over the defaults, the top-level seed over the arena's. */
    private ArenaConfig arena(JsonNode arena, JsonNode seed) {
        ObjectNode fields = Json.mapper().createObjectNode();
        if (arena != null && object(arena, "/arena")) {
            fields.setAll((ObjectNode) arena);
        }
        if (seed != null) {
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                error("/seed", "BAD_TYPE", "seed is a whole number");
            } else {
                fields.set("seed", seed);
            }
        }
        ArenaConfig config;
        try {
            config = Json.convert(fields, ArenaConfig.class);
        } catch (JsonReadException e) {
            error("/arena" + e.path(), "BAD_VALUE", e.getMessage());
            return null;
        }
        for (FieldError e : config.validate()) {
            errors.add(new FieldError("/arena" + e.path(), e.code(), e.message()));
        }
        return config;
    }

    private List<ScenarioAgent> agents(JsonNode node, ArenaConfig config) {
        List<ScenarioAgent> agents = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            error("/agents", node == null ? "REQUIRED" : "BAD_TYPE", "agents is a non-empty array");
            return agents;
        }
        if (node.size() > ScenarioLimits.MAX_AGENTS) {
            error("/agents", "TOO_MANY", "at most " + ScenarioLimits.MAX_AGENTS + " agents; got " + node.size());
            return agents;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "/agents/" + i;
            JsonNode agent = node.get(i);
            if (!object(agent, path)) {
                continue;
            }
            ScenarioAgent parsed = agent(agent, path, config);
            if (parsed != null && !names.add(parsed.name())) {
                error(path + "/name", "DUPLICATE_NAME", "another agent is already named '" + parsed.name() + "'");
            } else if (parsed != null) {
                agents.add(parsed);
            }
        }
        return agents;
    }

    private ScenarioAgent agent(JsonNode node, String path, ArenaConfig config) {
        unknownFields(node, path, AGENT);
        int errorsBefore = errors.size();
        String name = string(node, path, "name", true, ScenarioLimits.MAX_NAME_CHARS);
        int teams = config == null ? ArenaConfig.MAX_TEAMS : config.teamCount();
        int team = (int) integer(node, path, "team", true, 0, teams - 1, 0);
        double[] position = pair(node.get("position"), path + "/position", true);
        double[] velocity = pair(node.get("velocity"), path + "/velocity", false);
        double maxHealth = config == null ? Double.MAX_VALUE : config.baseHealth();
        Double health = optionalNumber(node, path, "health", 0.001, maxHealth);
        Double maxSpeed = optionalNumber(node, path, "maxSpeed", 0, 1_000);
        Double damage = optionalNumber(node, path, "damage", 0, 1_000_000);
        double[] waypoints = waypoints(node.get("waypoints"), path + "/waypoints");
        boolean loop = flag(node, path, "loop");
        JsonNode behavior = node.get("behavior");
        String behaviorId = null;
        CompileResult inline = null;
        if (waypoints != null && behavior != null) {
            error(path + "/behavior", "CONFLICT", "a scripted agent (with waypoints) runs no behavior");
        } else if (behavior == null && waypoints == null) {
            error(path + "/behavior", "REQUIRED", "an agent needs a behavior (an id or a document) or waypoints");
        } else if (behavior != null && behavior.isTextual()) {
            behaviorId = behavior.asText();
            if (behaviorId.isBlank() || behaviorId.length() > ScenarioLimits.MAX_NAME_CHARS) {
                error(path + "/behavior", "BAD_VALUE", "a behavior id is 1 to " + ScenarioLimits.MAX_NAME_CHARS + " characters");
            }
        } else if (behavior != null && behavior.isObject()) {
            inline = BehaviorCompiler.compile(Json.write(behavior));
            inline.report().diagnostics().forEach(d -> errors.add(d.toFieldError(path + "/behavior")));
        } else if (behavior != null) {
            error(path + "/behavior", "BAD_TYPE", "behavior is a behavior id or a behavior document");
        }
        if (config != null && position != null) {
            double r = config.agentRadius();
            if (position[0] < r || position[0] > config.worldWidth() - r || position[1] < r
                    || position[1] > config.worldHeight() - r) {
                error(path + "/position", "OUT_OF_BOUNDS", "the centre must be at least agentRadius (" + r
                        + ") inside the " + config.worldWidth() + " x " + config.worldHeight() + " arena");
            }
        }
        if (errors.size() > errorsBefore || position == null) {
            return null;
        }
        AgentPlacement placement = new AgentPlacement(team, position[0], position[1],
                velocity == null ? 0 : velocity[0], velocity == null ? 0 : velocity[1], health, maxSpeed, damage,
                waypoints, loop);
        return new ScenarioAgent(name, placement, behaviorId, inline == null ? null : inline.behavior());
    }

    private double[] waypoints(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > ScenarioLimits.MAX_WAYPOINTS) {
            error(path, "BAD_TYPE", "waypoints is an array of 1 to " + ScenarioLimits.MAX_WAYPOINTS + " [x, y] points");
            return null;
        }
        double[] points = new double[2 * node.size()];
        for (int i = 0; i < node.size(); i++) {
            double[] point = pair(node.get(i), path + "/" + i, true);
            if (point == null) {
                return null;
            }
            points[2 * i] = point[0];
            points[2 * i + 1] = point[1];
        }
        return points;
    }

    /** Agent names from an array, each one that exists. */
    List<String> names(JsonNode node, String path, Set<String> known) {
        List<String> names = new ArrayList<>();
        if (node == null || !node.isArray()) {
            error(path, "BAD_TYPE", "an array of agent names");
            return names;
        }
        for (int i = 0; i < node.size(); i++) {
            String name = agentName(node.get(i), path + "/" + i, known);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** An agent's name that exists, or null (with an error). */
    String agentName(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isTextual()) {
            error(path, node == null ? "REQUIRED" : "BAD_TYPE", "an agent's name");
            return null;
        }
        if (!known.contains(node.asText())) {
            error(path, "UNKNOWN_AGENT", "no agent is named '" + node.asText() + "'");
            return null;
        }
        return node.asText();
    }

    // ---------------------------------------------------------------- fields

    void error(String path, String code, String message) {
        errors.add(new FieldError(path, code, message));
    }

    boolean object(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "BAD_TYPE", "an object");
            return false;
        }
        return true;
    }

    void unknownFields(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                error(path + "/" + field.replace("~", "~0").replace("/", "~1"), "UNKNOWN_FIELD",
                        "unknown field; allowed: " + allowed.stream().sorted().toList());
            }
        }
    }

    String string(JsonNode node, String path, String field, boolean required, int maxChars) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                error(path + "/" + field, "REQUIRED", field + " is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > maxChars) {
            error(path + "/" + field, "BAD_VALUE", field + " is a text of 1 to " + maxChars + " characters");
            return null;
        }
        return value.asText();
    }

    long integer(JsonNode node, String path, String field, boolean required, long min, long max, long absent) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                error(path + "/" + field, "REQUIRED", field + " is required");
            }
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            error(path + "/" + field, "OUT_OF_RANGE", field + " is a whole number from " + min + " to " + max);
            return absent;
        }
        return value.asLong();
    }

    double number(JsonNode node, String path, String field, double min, double max) {
        Double value = optionalNumber(node, path, field, min, max);
        if (value == null && !node.has(field)) {
            error(path + "/" + field, "REQUIRED", field + " is required");
        }
        return value == null ? 0 : value;
    }

    Double optionalNumber(JsonNode node, String path, String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < min || value.asDouble() > max) {
            error(path + "/" + field, "OUT_OF_RANGE", field + " is a number from " + min + " to " + max);
            return null;
        }
        return value.asDouble();
    }

    boolean flag(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isBoolean()) {
            error(path + "/" + field, "BAD_TYPE", field + " is true or false");
        }
        return value != null && value.asBoolean();
    }

    /** A finite [x, y] pair. */
    double[] pair(JsonNode node, String path, boolean required) {
        if (node == null) {
            if (required) {
                error(path, "REQUIRED", "an [x, y] pair is required");
            }
            return null;
        }
        if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()
                || !Double.isFinite(node.get(0).asDouble()) || !Double.isFinite(node.get(1).asDouble())) {
            error(path, "BAD_TYPE", "an [x, y] pair of finite numbers");
            return null;
        }
        return new double[] {node.get(0).asDouble(), node.get(1).asDouble()};
    }
}
