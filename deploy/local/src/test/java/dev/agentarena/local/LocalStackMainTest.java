package dev.agentarena.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code ./arena up} makes of its arguments and port variables, before anything starts. */
class LocalStackMainTest {

    @Test
    void upTakesAnEngineCountFromOneToTwelveAndTheWipeFlagInAnyOrder() {
        assertThat(LocalStackMain.UpArguments.parse(List.of())).isEqualTo(new LocalStackMain.UpArguments(1, false));
        assertThat(LocalStackMain.UpArguments.parse(List.of("--engines", "3", "--wipe")))
                .isEqualTo(new LocalStackMain.UpArguments(3, true));
        assertThat(LocalStackMain.UpArguments.parse(List.of("--wipe", "--engines", "12")))
                .isEqualTo(new LocalStackMain.UpArguments(12, true));

        for (String count : List.of("0", "13", "-1", "three")) {
            assertThatThrownBy(() -> LocalStackMain.UpArguments.parse(List.of("--engines", count)))
                    .isInstanceOf(StackException.class).hasMessage("--engines " + count + ": give a count from 1 to 12");
        }
        assertThatThrownBy(() -> LocalStackMain.UpArguments.parse(List.of("--engines")))
                .isInstanceOf(StackException.class).hasMessage("--engines needs a count (1-12)");
        assertThatThrownBy(() -> LocalStackMain.UpArguments.parse(List.of("--engine", "3")))
                .isInstanceOf(StackException.class).hasMessageStartingWith("unknown argument --engine; usage:");
    }

    @Test
    void enginesTakeConsecutivePortsAndTheInternalServicesFollowTheLastOne() {
        assertThat(LocalStackMain.servicePorts(LocalStackMain.portPlan(1, Map.of()), 1)).containsExactly(
                Map.entry("game-engine", 8080), Map.entry("persistence-service", 8081), Map.entry("llm-gateway", 8082));
        assertThat(LocalStackMain.servicePorts(LocalStackMain.portPlan(3, Map.of()), 3)).containsExactly(
                Map.entry("game-engine-1", 8080), Map.entry("game-engine-2", 8081), Map.entry("game-engine-3", 8082),
                Map.entry("persistence-service", 8083), Map.entry("llm-gateway", 8084));
        assertThat(LocalStackMain.servicePorts(LocalStackMain.portPlan(2, Map.of("ARENA_ENGINE_PORT", "9000",
                "ARENA_GATEWAY_PORT", "7000")), 2)).containsExactly(Map.entry("game-engine-1", 9000), Map.entry("game-engine-2", 9001),
                Map.entry("persistence-service", 9002), Map.entry("llm-gateway", 7000));
    }

    @Test
    void anInternalPortSetInsideTheEnginesRangeIsRefusedNamingBoth() {
        Stack.PortPlan ports = LocalStackMain.portPlan(3, Map.of("ARENA_PERSISTENCE_PORT", "8081"));

        assertThatThrownBy(() -> LocalStackMain.servicePorts(ports, 3)).isInstanceOf(StackException.class)
                .hasMessageStartingWith("game-engine-2 and persistence-service would both listen on port 8081");
    }
}
