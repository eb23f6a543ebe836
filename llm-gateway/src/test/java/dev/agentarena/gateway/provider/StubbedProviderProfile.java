package dev.agentarena.gateway.provider;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** A provider behind the stub, with short timeouts and a small circuit window so the tests see them act. */
abstract class StubbedProviderProfile implements QuarkusTestProfile {

    static final String KEY = "sk-test-secret-key";
    static final String MODEL = "stub-model";

    abstract String provider();

    abstract String pathPrefix();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("arena.llm.provider", provider()),
                Map.entry("arena.llm.model", MODEL),
                Map.entry("arena.llm.api-key", KEY),
                Map.entry("arena.llm.call-timeout", "1s"),
                Map.entry("arena.llm.step-timeout", "4s"),
                Map.entry("arena.llm.retries", "2"),
                Map.entry("arena.llm.retry-delay", "50ms"),
                Map.entry("arena.llm.max-retry-after", "2s"),
                Map.entry("arena.llm.circuit-window", "4"),
                Map.entry("arena.llm.circuit-failure-ratio", "0.5"),
                Map.entry("arena.llm.circuit-delay", "1s"),
                Map.entry("arena.gateway.request-burst", "50"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProviderStubResource.class, Map.of("path-prefix", pathPrefix())));
    }

    public static final class OpenAi extends StubbedProviderProfile {
        @Override
        String provider() {
            return "openai";
        }

        @Override
        String pathPrefix() {
            return "/v1";
        }
    }

    public static final class Anthropic extends StubbedProviderProfile {
        @Override
        String provider() {
            return "anthropic";
        }

        @Override
        String pathPrefix() {
            return "";
        }
    }
}
