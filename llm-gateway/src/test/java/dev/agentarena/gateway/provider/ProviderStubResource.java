package dev.agentarena.gateway.provider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the gateway at the {@link ProviderStub}; the provider and its path prefix come from the profile's init args. */
public class ProviderStubResource implements QuarkusTestResourceLifecycleManager {

    private String pathPrefix = "";

    @Override
    public void init(Map<String, String> initArgs) {
        pathPrefix = initArgs.getOrDefault("path-prefix", "");
    }

    @Override
    public Map<String, String> start() {
        return Map.of("arena.llm.base-url", ProviderStub.get().url() + pathPrefix);
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM
    }
}
