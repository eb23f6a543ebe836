package dev.agentarena.contracts.config;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArenaConfigTest {

    @Test
    void defaultsAreValidAndCarryThePrototypesNumbers() {
        ArenaConfig config = ArenaConfig.defaults();
        assertThat(config.validate()).isEmpty();
        assertThat(config.worldWidth()).isEqualTo(800);
        assertThat(config.worldHeight()).isEqualTo(600);
        assertThat(config.visualRange()).isEqualTo(150);
        assertThat(config.recognitionRange()).isEqualTo(100);
        assertThat(config.attackRange()).isEqualTo(30);
        assertThat(config.respawnTime()).isEqualTo(3000);
        assertThat(config.behaviorUpdateInterval()).isEqualTo(100);
    }

    @Test
    void aPartialDocumentTakesDefaultsForMissingFields() {
        ArenaConfig config = Json.read("{\"worldWidth\": 1200, \"teamCount\": 4}", ArenaConfig.class);
        assertThat(config.worldWidth()).isEqualTo(1200);
        assertThat(config.teamCount()).isEqualTo(4);
        assertThat(config.worldHeight()).isEqualTo(600);
        assertThat(config.walls()).isEmpty();
        assertThat(config.validate()).isEmpty();
    }

    @Test
    void itRoundTripsThroughJson() {
        ArenaConfig config = Json.read("{\"walls\": [{\"x\": 10, \"y\": 20, \"width\": 30, \"height\": 40}]}", ArenaConfig.class);
        assertThat(Json.read(Json.write(config), ArenaConfig.class)).isEqualTo(config);
    }

    @Test
    void unknownFieldsAndWrongTypesAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> Json.read("{\"warpDrive\": true}", ArenaConfig.class))
                .isInstanceOf(JsonReadException.class)
                .satisfies(e -> assertThat(((JsonReadException) e).path()).isEqualTo("/warpDrive"));
        assertThatThrownBy(() -> Json.read("{\"teamCount\": \"many\"}", ArenaConfig.class))
                .isInstanceOf(JsonReadException.class)
                .satisfies(e -> assertThat(((JsonReadException) e).path()).isEqualTo("/teamCount"));
    }

    @Test
    void outOfRangeValuesGetOneErrorPerFieldNeverAClamp() {
        ArenaConfig config = Json.read("{\"visualRange\": -1, \"teamCount\": 9, \"teamBalance\": 2, \"wallLayout\": \"moon\"}",
                ArenaConfig.class);
        assertThat(config.validate()).extracting(FieldError::path, FieldError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/visualRange", "OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple("/teamCount", "OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple("/teamBalance", "OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple("/wallLayout", "UNKNOWN_VALUE"));
        assertThat(config.visualRange()).isEqualTo(-1);
    }

    @Test
    void rangesMustBeOrderedAndWallsInsideTheWorld() {
        ArenaConfig config = Json.read("{\"minSpeed\": 5, \"maxSpeed\": 3, \"minDamage\": 30, \"maxDamage\": 20,"
                + "\"walls\": [{\"x\": 790, \"y\": 0, \"width\": 50, \"height\": 10}, {\"x\": 0, \"y\": 0, \"width\": 0, \"height\": 5}]}",
                ArenaConfig.class);
        assertThat(config.validate()).extracting(FieldError::path).containsExactlyInAnyOrder(
                "/minSpeed", "/minDamage", "/walls/0", "/walls/1");
    }

    @Test
    void nonFiniteNumbersNeverGetPastTheJsonBoundary() {
        assertThatThrownBy(() -> Json.read("{\"worldWidth\": NaN}", ArenaConfig.class)).isInstanceOf(JsonReadException.class);
        assertThatThrownBy(() -> Json.read("{\"worldWidth\": Infinity}", ArenaConfig.class)).isInstanceOf(JsonReadException.class);
        assertThat(Json.read("{\"worldWidth\": 1e400}", ArenaConfig.class).validate())
                .extracting(FieldError::path).contains("/worldWidth");
    }
}
