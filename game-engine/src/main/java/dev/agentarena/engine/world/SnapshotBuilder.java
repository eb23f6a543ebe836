package dev.agentarena.engine.world;

import dev.agentarena.engine.sim.BehaviorErrorLog;
import dev.agentarena.engine.sim.DeathLog;
import dev.agentarena.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies a simulation's state into an immutable {@link WorldSnapshot}, with the deaths and behavior failures
 * since the last copy.
 */
final class SnapshotBuilder {

    private long nextDeath;
    private long nextError;

    /** Forgets the deaths seen so far (the simulation was replaced). */
    void restart() {
        nextDeath = 0;
        nextError = 0;
    }

    WorldSnapshot build(String worldId, Simulation sim, boolean running) {
        double radius = sim.config().agentRadius();
        double maxHealth = sim.config().baseHealth();
        List<WorldSnapshot.AgentState> agents = new ArrayList<>(sim.agentCount());
        for (int s = 0; s < sim.slots(); s++) {
            if (!sim.used(s)) {
                continue;
            }
            double vx = sim.vx(s);
            double vy = sim.vy(s);
            double heading = vx != 0 || vy != 0 ? Math.atan2(vy, vx) : sim.heading(s);
            agents.add(new WorldSnapshot.AgentState(sim.id(s), sim.team(s), sim.x(s), sim.y(s), vx, vy, heading,
                    sim.health(s), maxHealth, radius, sim.behavior(s), sim.state(s), sim.alive(s),
                    sim.spawnProtected(s), sim.kills(s), sim.deaths(s), sim.damageDealt(s), sim.damageTaken(s),
                    sim.lifetime(s)));
        }
        List<WorldSnapshot.TeamState> teams = new ArrayList<>(sim.teamCount());
        for (int t = 0; t < sim.teamCount(); t++) {
            teams.add(new WorldSnapshot.TeamState(t, Teams.name(t), Teams.color(t), sim.teamAgents(t),
                    sim.teamAlive(t), sim.teamKills(t), sim.teamDeaths(t), sim.teamDamage(t), sim.roundsWon(t),
                    sim.teamBehavior(t)));
        }
        DeathLog log = sim.deaths();
        List<WorldSnapshot.KillEvent> events = new ArrayList<>();
        for (long seq = Math.max(nextDeath, log.oldest()); seq < log.next(); seq++) {
            events.add(new WorldSnapshot.KillEvent(log.tick(seq), log.victim(seq), log.victimTeam(seq),
                    log.killer(seq), log.killerTeam(seq), log.lifetime(seq)));
        }
        nextDeath = log.next();
        List<WorldSnapshot.BehaviorError> errors = behaviorErrors(sim.behaviorErrors());
        List<WorldSnapshot.RoundOutcome> rounds = sim.rounds().stream()
                .map(r -> new WorldSnapshot.RoundOutcome(r.round(), r.winner(), r.endTick())).toList();
        double left = sim.roundTimeLeft();
        return new WorldSnapshot(worldId, sim.tick(), (double) sim.tick() / sim.ticksPerSecond(), running,
                sim.round(), Double.isInfinite(left) ? -1 : left, sim.config().worldWidth(),
                sim.config().worldHeight(), sim.walls(), agents, teams, events, rounds, errors);
    }

    private List<WorldSnapshot.BehaviorError> behaviorErrors(BehaviorErrorLog log) {
        if (log.next() == nextError) {
            return List.of();
        }
        List<WorldSnapshot.BehaviorError> errors = new ArrayList<>();
        for (long seq = Math.max(nextError, log.oldest()); seq < log.next(); seq++) {
            BehaviorErrorLog.Entry e = log.get(seq);
            errors.add(new WorldSnapshot.BehaviorError(e.tick(), e.agentId(), e.behaviorId(), e.code(), e.path(),
                    e.message(), log.suppressed()));
        }
        nextError = log.next();
        return errors;
    }
}
