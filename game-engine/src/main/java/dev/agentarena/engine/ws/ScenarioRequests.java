package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.engine.scenario.ScenarioPool;
import dev.agentarena.simulation.scenario.InvalidScenarioException;
import dev.agentarena.simulation.scenario.ScenarioResult;
import dev.agentarena.simulation.scenario.Trace;
import dev.agentarena.simulation.scenario.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * run_scenario {scenario}: runs the scenario document on the {@link ScenarioPool} and answers the asker only
 * with scenario_result, or an error: INVALID_SCENARIO (the problems at their JSON pointers) or BUSY.
 */
@ApplicationScoped
public class ScenarioRequests implements RequestHandler {

    private static final Logger LOG = Logger.getLogger(ScenarioRequests.class);

    /** The answer to run_scenario (docs/protocol.md). */
    public record ScenarioResultMessage(String type, String requestId, String name, boolean passed,
                                        List<Verdict> expectations, Trace trace, long ticks, String stopped,
                                        long elapsedMs) {
        ScenarioResultMessage(String requestId, ScenarioResult result) {
            this("scenario_result", requestId, result.name(), result.passed(), result.expectations(), result.trace(),
                    result.ticks(), result.stopped(), result.elapsedMs());
        }
    }

    private final ScenarioPool pool;

    public ScenarioRequests(ScenarioPool pool) {
        this.pool = pool;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("run_scenario", this::run);
    }

    void run(ClientSession session, ClientRequest request) {
        JsonNode scenario = request.field("scenario", JsonNode.class, true);
        String requestId = request.requestId();
        pool.submit(session.user().id(), Json.write(scenario))
                .orElseThrow(() -> new ProtocolException(requestId, ErrorCode.BUSY,
                        "too many scenario runs at once; try again when your last one has answered", List.of()))
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        session.send(new ScenarioResultMessage(requestId, result));
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof InvalidScenarioException invalid) {
                        session.send(new ServerMessages.Error(requestId, ErrorCode.INVALID_SCENARIO, invalid.getMessage(),
                                invalid.errors()));
                    } else {
                        LOG.errorf(cause, "a scenario run failed");
                        session.send(new ServerMessages.Error(requestId, ErrorCode.UPSTREAM_ERROR,
                                "the scenario run failed", List.of()));
                    }
                });
    }
}
