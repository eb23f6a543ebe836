package dev.agentarena.engine.ws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestRoutesTest {

    private final List<String> served = new ArrayList<>();

    private RequestHandler handler(String... types) {
        return () -> {
            Map<String, RequestHandler.Route> routes = new HashMap<>();
            for (String type : types) {
                routes.put(type, (session, request) -> served.add(type + ":" + request.requestId()));
            }
            return routes;
        };
    }

    @Test
    void eachTypeGoesToTheRouteOfTheHandlerThatDeclaresIt() {
        RequestRoutes routes = new RequestRoutes(List.of(handler("save_config", "list_configs"), handler("viewport")));
        for (String frame : List.of("{\"type\":\"viewport\",\"requestId\":\"v1\"}",
                "{\"type\":\"list_configs\",\"requestId\":\"l1\"}")) {
            ClientRequest request = ClientRequest.parse(frame);
            routes.routeOf(request).handle(null, request);
        }
        assertThat(served).containsExactly("viewport:v1", "list_configs:l1");
        assertThat(routes.serves("save_config")).isTrue();
        assertThat(routes.serves("teleport")).isFalse();
    }

    @Test
    void anUnknownTypeIsUnknownTypeWithTheRequestId() {
        RequestRoutes routes = new RequestRoutes(List.of(handler("start")));
        assertThatThrownBy(() -> routes.routeOf(ClientRequest.parse("{\"type\":\"" + "x".repeat(100) + "\",\"requestId\":\"t1\"}")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
                    assertThat(e.requestId()).isEqualTo("t1");
                    assertThat(e.getMessage()).hasSizeLessThan(80);
                });
    }

    @Test
    void aTypeClaimedByTwoHandlersFailsAtStart() {
        assertThatThrownBy(() -> new RequestRoutes(List.of(handler("start", "pause"), handler("pause"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pause");
    }
}
