package dev.agentarena.gateway.provider;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A provider behind the stub, with a small circuit window and short delays so the tests see them act. The
 * call timeout leaves room for a first call on a loaded 2-core machine (class loading, connection set-up).
 */
abstract class StubbedProviderProfile implements QuarkusTestProfile {

    static final String KEY = "sk-test-secret-key";
    static final String MODEL = "stub-model";

    private final String provider;
    private final String pathPrefix;

    /** @param provider the provider name, also the stub's key; {@code pathPrefix} goes between the stub's URL and the API's paths */
    StubbedProviderProfile(String provider, String pathPrefix) {
        this.provider = provider;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("arena.llm.provider", provider),
                Map.entry("arena.llm.base-url", "http://127.0.0.1:" + ProviderStub.port(provider) + pathPrefix),
                Map.entry("arena.llm.model", MODEL),
                Map.entry("arena.llm.api-key", KEY),
                Map.entry("arena.llm.call-timeout", "5s"),
                Map.entry("arena.llm.step-timeout", "12s"),
                Map.entry("arena.llm.retries", "1"),
                Map.entry("arena.llm.retry-delay", "50ms"),
                Map.entry("arena.llm.max-retry-after", "2s"),
                Map.entry("arena.llm.circuit-window", "4"),
                Map.entry("arena.llm.circuit-failure-ratio", "0.5"),
                Map.entry("arena.llm.circuit-delay", "1s"),
                Map.entry("arena.gateway.request-burst", "50"));
    }

    public static final class OpenAi extends StubbedProviderProfile {
        public OpenAi() {
            super("openai", "/v1");
        }
    }

    public static final class Anthropic extends StubbedProviderProfile {
        public Anthropic() {
            super("anthropic", "");
        }
    }
}
