package dev.agentarena.simulation;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.WallSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every config field changes the game: for each, a base world and the same world with only that field changed
 * are played for the same time, and an observable chosen for the field differs in the stated direction.
 */
class ConfigFieldEffectTest {

    /** A small, crowded world so that fights, bumps and respawns happen within seconds. */
    private static final Map<String, Object> BASE = Map.of("worldWidth", 500.0, "worldHeight", 400.0,
            "teamSize", 8, "seed", 11L, "roundTime", 600.0);
    private static final int TICKS = 60 * 40;

    enum Expect { DIFFERENT, MORE, LESS }

    record Case(String field, Object value, String observable, ToDoubleFunction<Simulation> probe, Expect expect) {
        @Override
        public String toString() {
            return field + "=" + value + " changes " + observable;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("worldWidth", 900.0, "largest x reached", s -> max(s, Simulation::x), Expect.MORE),
                new Case("worldHeight", 800.0, "largest y reached", s -> max(s, Simulation::y), Expect.MORE),
                new Case("wallLayout", "open", "number of walls", s -> s.walls().size(), Expect.LESS),
                new Case("numRandomWalls", 0, "number of wall segments", ConfigFieldEffectTest::segments, Expect.LESS),
                new Case("minWallGap", 150.0, "number of walls", s -> s.walls().size(), Expect.LESS),
                new Case("obstacleCount", 0, "number of walls", s -> s.walls().size(), Expect.LESS),
                new Case("obstacleSize", 45.0, "wall area", ConfigFieldEffectTest::wallArea, Expect.MORE),
                new Case("walls", List.of(new WallSpec(200, 150, 100, 100)), "wall area",
                        ConfigFieldEffectTest::wallArea, Expect.MORE),
                new Case("boundaryDamage", 60.0, "damage from the environment",
                        ConfigFieldEffectTest::environmentDamage, Expect.MORE),
                new Case("seed", 12L, "the walls", s -> s.walls().hashCode(), Expect.DIFFERENT),
                new Case("teamCount", 4, "number of agents", Simulation::agentCount, Expect.MORE),
                new Case("teamSize", 3, "number of agents", Simulation::agentCount, Expect.LESS),
                new Case("teamBalance", 0.5, "size of the first team", s -> s.teamAgents(0), Expect.MORE),
                new Case("maxGroupSize", 1, "the state", s -> s.stateHash(), Expect.DIFFERENT),
                new Case("flockingDistance", 120.0, "the state", s -> s.stateHash(), Expect.DIFFERENT),
                new Case("agentRadius", 20.0, "closest approach to the left bound", s -> min(s, Simulation::x),
                        Expect.MORE),
                new Case("minSpeed", 3.5, "slowest agent's max speed", s -> min(s, Simulation::maxSpeed), Expect.MORE),
                new Case("maxSpeed", 8.0, "fastest agent's max speed", s -> max(s, Simulation::maxSpeed), Expect.MORE),
                new Case("maxForce", 0.05, "the state", s -> s.stateHash(), Expect.DIFFERENT),
                new Case("turnSpeed", 0.02, "the state", s -> s.stateHash(), Expect.DIFFERENT),
                new Case("baseHealth", 5000.0, "deaths", ConfigFieldEffectTest::deaths, Expect.LESS),
                new Case("minDamage", 19.0, "weakest agent's damage", s -> min(s, Simulation::attackDamage),
                        Expect.MORE),
                new Case("maxDamage", 40.0, "strongest agent's damage", s -> max(s, Simulation::attackDamage),
                        Expect.MORE),
                new Case("attackRange", 1.0, "damage dealt", ConfigFieldEffectTest::damageDealt, Expect.LESS),
                new Case("attackCooldown", 10.0, "damage dealt", ConfigFieldEffectTest::damageDealt, Expect.LESS),
                new Case("visualRange", 40.0, "damage dealt", ConfigFieldEffectTest::damageDealt, Expect.LESS),
                new Case("recognitionRange", 150.0, "the state", s -> s.stateHash(), Expect.DIFFERENT),
                new Case("enableWorldLogic", false, "damage dealt", ConfigFieldEffectTest::damageDealt, Expect.LESS),
                new Case("respawnEnabled", false, "agents alive at the end", ConfigFieldEffectTest::alive, Expect.LESS),
                new Case("respawnTime", 60_000, "agents alive at the end", ConfigFieldEffectTest::alive, Expect.LESS),
                new Case("spawnProtectionTime", 60.0, "damage dealt", ConfigFieldEffectTest::damageDealt,
                        Expect.LESS),
                new Case("roundTime", 10.0, "rounds played", s -> s.round(), Expect.MORE),
                new Case("behaviorUpdateInterval", 2000, "the state", s -> s.stateHash(), Expect.DIFFERENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changingTheFieldChangesTheGame(Case c) {
        Map<String, Object> changed = new HashMap<>(BASE);
        changed.put(c.field(), c.value());
        double before = c.probe().applyAsDouble(TestConfigs.run(TestConfigs.with(BASE), TICKS));
        double after = c.probe().applyAsDouble(TestConfigs.run(TestConfigs.with(changed), TICKS));
        switch (c.expect()) {
            case DIFFERENT -> assertThat(after).as(c.observable()).isNotEqualTo(before);
            case MORE -> assertThat(after).as(c.observable()).isGreaterThan(before);
            case LESS -> assertThat(after).as(c.observable()).isLessThan(before);
        }
    }

    @Test
    void everyFieldHasACase() {
        List<String> covered = cases().map(Case::field).toList();
        List<String> fields = Arrays.stream(ArenaConfig.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(fields);
    }

    private interface SlotValue {
        double of(Simulation sim, int slot);
    }

    /** Largest value over the live agents, sampled at the end. */
    private static double max(Simulation sim, SlotValue value) {
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < sim.slots(); s++) {
            if (sim.used(s) && sim.alive(s)) {
                best = Math.max(best, value.of(sim, s));
            }
        }
        return best;
    }

    private static double min(Simulation sim, SlotValue value) {
        return -max(sim, (simulation, slot) -> -value.of(simulation, slot));
    }

    private static double wallArea(Simulation sim) {
        return sim.walls().stream().mapToDouble(w -> w.width() * w.height()).sum();
    }

    /** Walls as thin as the generator's segments (obstacles are squares). */
    private static double segments(Simulation sim) {
        return sim.walls().stream().filter(w -> Math.min(w.width(), w.height()) == WallLayouts.THICKNESS
                && w.width() != w.height()).count();
    }

    private static double damageDealt(Simulation sim) {
        double total = 0;
        for (int s = 0; s < sim.slots(); s++) {
            total += sim.used(s) ? sim.damageDealt(s) : 0;
        }
        return total;
    }

    private static double environmentDamage(Simulation sim) {
        double taken = 0;
        for (int s = 0; s < sim.slots(); s++) {
            taken += sim.used(s) ? sim.damageTaken(s) : 0;
        }
        return taken - damageDealt(sim);
    }

    private static double deaths(Simulation sim) {
        double total = 0;
        for (int s = 0; s < sim.slots(); s++) {
            total += sim.used(s) ? sim.deaths(s) : 0;
        }
        return total;
    }

    private static double alive(Simulation sim) {
        double total = 0;
        for (int t = 0; t < sim.teamCount(); t++) {
            total += sim.teamAlive(t);
        }
        return total;
    }
}
