package dev.agentarena.engine.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OriginPolicyTest {

    private final OriginPolicy sameOrigin = new OriginPolicy(Optional.empty(), List::of);

    @Test
    void byDefaultOnlyThePageOfTheEnginesOwnHostAndPortIsAllowed() {
        assertThat(sameOrigin.allows("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(sameOrigin.allows("HTTP://LocalHost:8080", "localhost:8080")).isTrue();
        assertThat(sameOrigin.allows("https://arena.example", "arena.example")).isTrue();
        assertThat(sameOrigin.allows("https://arena.example:443", "arena.example")).isTrue();
        assertThat(sameOrigin.allows("http://arena.example", "arena.example:80")).isTrue();

        assertThat(sameOrigin.allows("http://localhost:9999", "localhost:8080")).isFalse();
        assertThat(sameOrigin.allows("http://evil.example", "localhost:8080")).isFalse();
        assertThat(sameOrigin.allows("http://localhost:8080.evil.example", "localhost:8080")).isFalse();
        assertThat(sameOrigin.allows("null", "localhost:8080")).isFalse();
        assertThat(sameOrigin.allows("file://", "localhost:8080")).isFalse();
        assertThat(sameOrigin.allows("file:///home/me/page.html", "localhost:8080")).isFalse();
        assertThat(sameOrigin.allows("http://localhost:8080", null)).isFalse();
    }

    @Test
    void aRequestWithoutOriginComesFromNoPageAndIsAllowed() {
        assertThat(sameOrigin.allows(null, "localhost:8080")).isTrue();
    }

    @Test
    void aConfiguredListReplacesTheDefaultAndMatchesExactly() {
        OriginPolicy listed = new OriginPolicy(Optional.of(List.of("https://Arena.Example/", "http://localhost:3000")),
                () -> List.of("http://localhost:8081"));
        assertThat(listed.allows("https://arena.example", "engine.internal:8080")).isTrue();
        assertThat(listed.allows("http://localhost:3000", "localhost:8080")).isTrue();
        assertThat(listed.allows("http://localhost:8080", "localhost:8080")).as("its own origin is not listed").isFalse();
        assertThat(listed.allows("http://arena.example", "arena.example")).as("another scheme").isFalse();
        assertThat(listed.allows("null", "localhost:8080")).isFalse();
        assertThat(listed.allows("http://localhost:8081", "localhost:8080")).as("the list replaces the engines too").isFalse();
    }

    @Test
    void byDefaultThePagesOfTheOtherEnginesThatAreUpAreAllowed() {
        OriginPolicy engines = new OriginPolicy(Optional.empty(), () -> List.of("http://localhost:8080", "http://LocalHost:8081/"));
        assertThat(engines.allows("http://localhost:8081", "localhost:8080")).isTrue();
        assertThat(engines.allows("http://localhost:8082", "localhost:8080")).as("no engine there").isFalse();
        assertThat(engines.allows("http://evil.example", "localhost:8080")).isFalse();
    }
}
