package dev.agentarena.engine.health;

import dev.agentarena.engine.cluster.WorldOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until this engine has its share of the worlds (the partitions of {@code arena.world.commands} the group
 * gave it) and runs every world of it, restored and caught up; DOWN again while a rebalance moves worlds here.
 */
@Readiness
@ApplicationScoped
public class WorldShareReadinessCheck implements HealthCheck {

    private final WorldOwnership ownership;

    public WorldShareReadinessCheck(WorldOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("world-share").status(ownership.settled()).build();
    }
}
