package dev.agentarena.persistence.health;

import dev.agentarena.persistence.startup.DefaultDataBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the default user and config exist and the changelogs have been republished. */
@Readiness
@ApplicationScoped
public class DefaultDataReadinessCheck implements HealthCheck {

    private final DefaultDataBootstrap bootstrap;

    public DefaultDataReadinessCheck(DefaultDataBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("default-data")
                .status(bootstrap.isDone())
                .withData("defaultUser", "default_user")
                .build();
    }
}
