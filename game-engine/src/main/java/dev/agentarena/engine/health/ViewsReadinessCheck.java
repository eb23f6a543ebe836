package dev.agentarena.engine.health;

import dev.agentarena.engine.messaging.ChangelogProgress;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the config, user, token and behavior views hold everything their changelogs held at start. */
@Readiness
@ApplicationScoped
public class ViewsReadinessCheck implements HealthCheck {

    private final ChangelogProgress progress;

    public ViewsReadinessCheck(ChangelogProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("changelog-views").status(progress.caughtUp()).build();
    }
}
