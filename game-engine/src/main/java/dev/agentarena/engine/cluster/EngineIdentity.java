package dev.agentarena.engine.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/** Who this engine is among the engines, and where clients reach it. */
@ApplicationScoped
public class EngineIdentity {

    private final String id;
    private final String url;

    public EngineIdentity(ClusterConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.id = config.engineId().orElse("engine-" + UUID.randomUUID().toString().substring(0, 8));
        this.url = config.publicUrl().map(EngineIdentity::withoutTrailingSlash).orElse("http://localhost:" + port);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
