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

    /** The provider name, also the stub's key. */
    abstract String provider();

    abstract String pathPrefix();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("arena.llm.provider", provider()),
                Map.entry("arena.llm.base-url", "http://127.0.0.1:" + ProviderStub.port(provider()) + pathPrefix()),
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
