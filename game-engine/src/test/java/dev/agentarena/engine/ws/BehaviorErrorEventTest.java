package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.BehaviorErrorLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviorErrorEventTest {

    @Test
    void serializesAsABehaviorErrorEventOfItsWorld() {
        BehaviorErrorLog.Entry error = new BehaviorErrorLog.Entry(42, 7, "hunter", "NOT_FINITE",
                "/rules/1/steer/0/weight", "weight is Infinity");
        String json = Json.write(BehaviorErrorEvent.of("arena-1", error, 3));
        assertThat(json).isEqualTo("{\"type\":\"behavior_error\",\"worldId\":\"arena-1\",\"tick\":42,\"agentId\":7,"
                + "\"behaviorId\":\"hunter\",\"code\":\"NOT_FINITE\",\"path\":\"/rules/1/steer/0/weight\","
                + "\"message\":\"weight is Infinity\",\"suppressed\":3}");
    }
}
