package dev.agentarena.contracts.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ConfigField.Applies;
import dev.agentarena.contracts.config.ConfigField.Kind;
import dev.agentarena.contracts.json.Json;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigSchemaTest {

    private static final Path DOC = Path.of("..", "docs", "config.md");

    @Test
    void everyConfigComponentHasOneSchemaFieldInTheRecordsOrder() {
        List<String> components = Arrays.stream(ArenaConfig.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(ConfigSchema.fields()).extracting(ConfigField::name).containsExactlyElementsOf(components);
        for (ConfigField field : ConfigSchema.fields()) {
            assertThat(field.meaning()).as(field.name()).isNotBlank();
            assertThat(field.read().apply(ArenaConfig.defaults())).as(field.name()).isEqualTo(field.defaultValue());
        }
    }

    @Test
    void theValidatorRefusesJustOutsideEachPublishedRangeAndAcceptsItsEnds() {
        for (ConfigField field : ConfigSchema.fields()) {
            if (field.min() == null) {
                continue;
            }
            double step = field.kind() == Kind.INTEGER ? 1 : 0.001;
            assertThat(errorsWith(field, field.min())).as(field.name() + " at its min").isEmpty();
            assertThat(errorsWith(field, field.max())).as(field.name() + " at its max").isEmpty();
            Tuple refused = Tuple.tuple("/" + field.name(), "OUT_OF_RANGE");
            assertThat(errorsWith(field, field.min() - step)).as(field.name() + " below its min")
                    .extracting(FieldError::path, FieldError::code).contains(refused);
            assertThat(errorsWith(field, field.max() + step)).as(field.name() + " above its max")
                    .extracting(FieldError::path, FieldError::code).contains(refused);
        }
    }

    @Test
    void onlyTheFieldsThatShapeTheWorldApplyOnReset() {
        assertThat(ConfigSchema.withApplies(Applies.RESET)).extracting(ConfigField::name).containsExactlyInAnyOrder(
                "worldWidth", "worldHeight", "wallLayout", "numRandomWalls", "minWallGap", "obstacleCount", "obstacleSize",
                "walls", "seed", "teamCount", "teamSize", "teamBalance", "agentRadius");
        assertThat(ConfigSchema.withApplies(Applies.LIVE_WITHIN_GRID)).extracting(ConfigField::name)
                .containsExactlyInAnyOrder("flockingDistance", "attackRange", "visualRange", "recognitionRange");
    }

    @Test
    void thePublishedFormCarriesMeaningUnitRangeDefaultAndWhenItApplies() {
        JsonNode width = Json.tree(Json.write(ConfigSchema.find("worldWidth").orElseThrow()));
        assertThat(width.path("name").asText()).isEqualTo("worldWidth");
        assertThat(width.path("kind").asText()).isEqualTo("NUMBER");
        assertThat(width.path("unit").asText()).isEqualTo("units");
        assertThat(width.path("min").asDouble()).isEqualTo(200);
        assertThat(width.path("max").asDouble()).isEqualTo(100_000);
        assertThat(width.path("default").asDouble()).isEqualTo(800);
        assertThat(width.path("applies").asText()).isEqualTo("RESET");
        assertThat(width.path("live").asBoolean()).isFalse();
        assertThat(width.path("whenApplied").asText()).contains("rebuilt");
        assertThat(width.has("read")).isFalse();
        JsonNode layout = Json.tree(Json.write(ConfigSchema.find("wallLayout").orElseThrow()));
        assertThat(layout.path("options").toString()).contains("maze", "open");
    }

    /** docs/config.md is for people; it must say what the schema says about defaults, ranges and when fields apply. */
    @Test
    void theDocumentedTableAgreesWithTheSchema() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            String[] cells = line.split("\\|");
            if (cells.length > 6 && cells[1].strip().matches("`\\w+`")) {
                rows.put(cells[1].strip().replace("`", ""), cells);
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                ConfigSchema.fields().stream().map(ConfigField::name).toList());
        for (ConfigField field : ConfigSchema.fields()) {
            String[] row = rows.get(field.name());
            String defaultCell = row[4].strip().replace("`", "");
            String validCell = row[5].strip();
            String appliesCell = row[6].strip();
            if (field.defaultValue() instanceof Number number) {
                assertThat(Double.parseDouble(defaultCell)).as(field.name() + " default").isEqualTo(number.doubleValue());
            } else {
                assertThat(defaultCell).as(field.name() + " default").isEqualTo(Json.write(field.defaultValue()).replace("\"", ""));
            }
            if (field.min() != null) {
                assertThat(validCell).as(field.name() + " range").startsWith(doc(field.min()) + "–" + doc(field.max()));
            }
            assertThat(appliesCell).as(field.name() + " applies").isEqualTo(switch (field.applies()) {
                case RESET -> "reset";
                case LIVE -> "live";
                case LIVE_NEW_AGENTS -> "live (new agents)";
                case LIVE_NEXT_SPAWN -> "live (next spawn)";
                case LIVE_WITHIN_GRID -> "live¹";
            });
        }
    }

    private static String doc(double value) {
        if (value == Math.PI) {
            return "π";
        }
        String text = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return text.replace('-', '−');
    }

    private static List<FieldError> errorsWith(ConfigField field, double value) {
        Object json = field.kind() == Kind.INTEGER ? (Object) Math.round(value) : (Object) value;
        ArenaConfig config = Json.read("{\"" + field.name() + "\": " + json + "}", ArenaConfig.class);
        if (field.name().equals("minSpeed") || field.name().equals("minDamage")) {
            config = Json.read("{\"" + field.name() + "\": " + json + ", \"" + field.name().replace("min", "max") + "\": "
                    + field.max() + "}", ArenaConfig.class);
        } else if (field.name().equals("maxSpeed") || field.name().equals("maxDamage")) {
            config = Json.read("{\"" + field.name() + "\": " + json + ", \"" + field.name().replace("max", "min") + "\": "
                    + field.min() + "}", ArenaConfig.class);
        }
        return config.validate();
    }
}
