package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.Simulation;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.scenario.Scenario;
import dev.agentarena.simulation.scenario.ScenarioLibrary;
import dev.agentarena.simulation.scenario.ScenarioLimits;
import dev.agentarena.simulation.scenario.ScenarioParser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * list_scenarios: the built-in scenario library ({@link ScenarioLibrary}), for the editor's "Try it". Each entry
 * carries its document, to run with the player's behavior in it, and the arena it builds (size and walls, which a
 * layout draws from the seed), to draw its trace on: a trace has positions only.
 */
@ApplicationScoped
public class ScenarioLibraryRequests implements RequestHandler {

    /** The arena a scenario runs in, as its trace is drawn on; {@code ticksPerSecond} paces its playback. */
    public record Arena(double width, double height, double agentRadius, List<WallSpec> walls, int ticksPerSecond) {
    }

    /**
     * One library scenario.
     *
     * @param behavior the built-in behavior whose property it shows (docs/scenarios.md)
     */
    public record LibraryScenario(String id, String name, String description, String behavior, Arena arena,
                                  JsonNode document) {
    }

    /** The reply to list_scenarios (docs/protocol.md). */
    public record ScenarioList(String type, String requestId, List<LibraryScenario> scenarios) {
    }

    // The library is fixed at build time, so it is read and its arenas built once.
    private final List<LibraryScenario> library = ScenarioLibrary.IDS.stream().map(ScenarioLibraryRequests::entry).toList();

    @Override
    public Map<String, Route> routes() {
        return Map.of("list_scenarios", (session, request) -> session.send(new ScenarioList("scenario_list",
                request.requestId(), library)));
    }

    private static LibraryScenario entry(String id) {
        String json = ScenarioLibrary.json(id);
        Scenario scenario = ScenarioParser.parse(json);
        String behavior = ScenarioLibrary.FOR_BEHAVIOR.entrySet().stream().filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        return new LibraryScenario(id, scenario.name(), scenario.description(), behavior, arena(scenario.config()),
                Json.tree(json));
    }

    private static Arena arena(ArenaConfig config) {
        Simulation sim = new Simulation(config, ScenarioLimits.TICKS_PER_SECOND, BuiltInBehaviors.DEFAULT,
                new BuiltInPolicies().defaultPolicy());
        return new Arena(config.worldWidth(), config.worldHeight(), config.agentRadius(), sim.walls(),
                ScenarioLimits.TICKS_PER_SECOND);
    }
}
