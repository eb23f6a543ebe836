package dev.agentarena.simulation.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the {@code expectations} of a scenario document, reporting through its {@link ScenarioParser}. */
final class ExpectationParser {

    static final List<String> TYPES = List.of("distance", "staysWithin", "reaches", "attacks", "kills",
            "healthAtLeast", "teamKills", "inBounds");
    private static final double FAR = 1e9;

    private final ScenarioParser fields;
    private final Set<String> agents;
    private final int teams;

    ExpectationParser(ScenarioParser fields, Set<String> agents, int teams) {
        this.fields = fields;
        this.agents = agents;
        this.teams = teams;
    }

    List<Expectation> all(JsonNode node) {
        List<Expectation> expectations = new ArrayList<>();
        if (node == null) {
            return expectations;
        }
        if (!node.isArray() || node.size() > ScenarioLimits.MAX_EXPECTATIONS) {
            fields.error("/expectations", "BAD_TYPE", "an array of at most " + ScenarioLimits.MAX_EXPECTATIONS + " expectations");
            return expectations;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "/expectations/" + i;
            if (fields.object(node.get(i), path)) {
                Expectation e = one(node.get(i), path);
                if (e != null) {
                    expectations.add(e);
                }
            }
        }
        return expectations;
    }

    private Expectation one(JsonNode node, String path) {
        JsonNode type = node.get("type");
        if (type == null || !TYPES.contains(type.asText())) {
            fields.error(path + "/type", type == null ? "REQUIRED" : "UNKNOWN_VALUE", "type is one of " + TYPES);
            return null;
        }
        return switch (type.asText()) {
            case "distance" -> distance(node, path);
            case "staysWithin" -> staysWithin(node, path);
            case "reaches" -> reaches(node, path);
            case "attacks", "kills" -> attacks(node, path, type.asText().equals("kills"));
            case "healthAtLeast" -> {
                fields.unknownFields(node, path, Set.of("type", "agent", "health"));
                String agent = agent(node, path, "agent");
                double health = fields.number(node, path, "health", 0, FAR);
                yield agent == null ? null : new Expectation.HealthAtLeast(agent, health);
            }
            case "teamKills" -> {
                fields.unknownFields(node, path, Set.of("type", "team", "atLeast"));
                int team = (int) fields.integer(node, path, "team", true, 0, teams - 1, 0);
                int kills = (int) fields.integer(node, path, "atLeast", true, 0, Integer.MAX_VALUE, 0);
                yield new Expectation.TeamKills(team, kills);
            }
            default -> {
                fields.unknownFields(node, path, Set.of("type"));
                yield new Expectation.InBounds();
            }
        };
    }

    private Expectation distance(JsonNode node, String path) {
        fields.unknownFields(node, path, Set.of("type", "a", "b", "grows", "shrinks"));
        String a = agent(node, path, "a");
        String b = agent(node, path, "b");
        if (node.has("grows") == node.has("shrinks")) {
            fields.error(path + "/grows", "REQUIRED", "exactly one of grows or shrinks (by at least that many units)");
            return null;
        }
        boolean grows = node.has("grows");
        double by = fields.number(node, path, grows ? "grows" : "shrinks", 0, FAR);
        return a == null || b == null ? null : new Expectation.DistanceChange(a, b, grows, by);
    }

    private Expectation staysWithin(JsonNode node, String path) {
        fields.unknownFields(node, path, Set.of("type", "agent", "radius", "point", "region", "of", "fromTick"));
        String agent = agent(node, path, "agent");
        double radius = node.has("region") && !node.has("radius") ? 0 : fields.number(node, path, "radius", 0, FAR);
        long from = fields.integer(node, path, "fromTick", false, 0, ScenarioLimits.MAX_TICKS, 0);
        int places = (node.has("point") ? 1 : 0) + (node.has("region") ? 1 : 0) + (node.has("of") ? 1 : 0);
        if (places != 1) {
            fields.error(path, "REQUIRED", "exactly one of point, region or of (an agent's name)");
            return null;
        }
        Expectation.Place place;
        if (node.has("point")) {
            double[] p = fields.pair(node.get("point"), path + "/point", true);
            place = p == null ? null : new Expectation.Place.Point(p[0], p[1]);
        } else if (node.has("region")) {
            JsonNode r = node.get("region");
            String at = path + "/region";
            if (!fields.object(r, at)) {
                return null;
            }
            fields.unknownFields(r, at, Set.of("x", "y", "width", "height"));
            place = new Expectation.Place.Region(fields.number(r, at, "x", -FAR, FAR), fields.number(r, at, "y", -FAR, FAR),
                    fields.number(r, at, "width", 0, FAR), fields.number(r, at, "height", 0, FAR));
        } else {
            String other = agent(node, path, "of");
            place = other == null ? null : new Expectation.Place.Agent(other);
        }
        return agent == null || place == null ? null : new Expectation.StaysWithin(agent, radius, place, from);
    }

    private Expectation reaches(JsonNode node, String path) {
        fields.unknownFields(node, path, Set.of("type", "agent", "state", "rule", "byTick"));
        String agent = agent(node, path, "agent");
        long by = fields.integer(node, path, "byTick", true, 0, ScenarioLimits.MAX_TICKS, 0);
        if (node.has("state") == node.has("rule")) {
            fields.error(path + "/state", "REQUIRED", "exactly one of state or rule");
            return null;
        }
        boolean state = node.has("state");
        String name = fields.string(node, path, state ? "state" : "rule", true, ScenarioLimits.MAX_NAME_CHARS);
        if (agent == null || name == null) {
            return null;
        }
        return state ? new Expectation.ReachesState(agent, name, by) : new Expectation.ReachesRule(agent, name, by);
    }

    private Expectation attacks(JsonNode node, String path, boolean kill) {
        fields.unknownFields(node, path, Set.of("type", "agent", "target", "byTick"));
        String agent = agent(node, path, "agent");
        String target = agent(node, path, "target");
        long by = fields.integer(node, path, "byTick", true, 0, ScenarioLimits.MAX_TICKS, 0);
        return agent == null || target == null ? null : new Expectation.Attacks(agent, target, kill, by);
    }

    private String agent(JsonNode node, String path, String field) {
        return fields.agentName(node.get(field), path + "/" + field, agents);
    }
}
