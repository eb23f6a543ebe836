package dev.agentarena.engine.ws.connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void findsATopLevelStringRequestIdWhereverItStands() {
        assertThat(RequestIds.scan("{\"requestId\":\"r1\",\"type\":\"x\"}")).isEqualTo("r1");
        assertThat(RequestIds.scan(" { \"type\" : \"save_config\" , \"requestId\" : \"r2\" , \"config\": {")).isEqualTo("r2");
        assertThat(RequestIds.scan("{\"config\":{\"name\":\"" + "x".repeat(70_000) + "\"},\"requestId\":\"r3\"}"))
                .isEqualTo("r3");
    }

    @Test
    void skipsNestedMembersKeysInsideStringsAndValuesThatLookLikeKeys() {
        assertThat(RequestIds.scan("{\"a\":{\"requestId\":\"nested\"},\"requestId\":\"top\"}")).isEqualTo("top");
        assertThat(RequestIds.scan("{\"a\":[{\"requestId\":\"nested\"}]}")).isNull();
        assertThat(RequestIds.scan("{\"a\":\"\\\"requestId\\\":\\\"fake\\\"\"}")).isNull();
        assertThat(RequestIds.scan("{\"a\":\"requestId\",\"b\":1}")).isNull();
    }

    @Test
    void answersNullForAnythingButAShortPlainString() {
        assertThat(RequestIds.scan("{\"requestId\":7}")).isNull();
        assertThat(RequestIds.scan("{\"requestId\":\"" + "r".repeat(65) + "\"}")).isNull();
        assertThat(RequestIds.scan("{\"requestId\":\"" + "r".repeat(64) + "\"}")).hasSize(64);
        assertThat(RequestIds.scan("{\"requestId\":\"a\\u0000b\"}")).isNull();
        assertThat(RequestIds.scan("{\"requestId\":\"unterminated")).isNull();
        assertThat(RequestIds.scan("[\"requestId\",\"r\"]")).isNull();
        assertThat(RequestIds.scan("x".repeat(100))).isNull();
        assertThat(RequestIds.scan("")).isNull();
        assertThat(RequestIds.scan("[".repeat(10_000))).isNull();
    }
}
