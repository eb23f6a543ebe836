package dev.agentarena.simulation.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The scenarios shipped with the game, as resources under {@code /scenarios}: each shows a documented
 * property of a built-in behavior (docs/scenarios.md lists them). Players try their behaviors in them; the
 * tests run every one.
 */
public final class ScenarioLibrary {

    public static final List<String> IDS = List.of("flee-when-weak", "attack-closes-and-hits",
            "wander-together-keeps-group", "wander-stays-in-bounds", "default-attacks-then-flees");

    /** The library scenario that shows each built-in behavior's property, by behavior id. */
    public static final Map<String, String> FOR_BEHAVIOR = Map.of("flee", "flee-when-weak",
            "attack", "attack-closes-and-hits", "wander-together", "wander-together-keeps-group",
            "wander", "wander-stays-in-bounds", "default", "default-attacks-then-flees");

    private ScenarioLibrary() {
    }

    /** The JSON document of a library scenario. */
    public static String json(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no library scenario '" + id + "'; the library: " + IDS);
        }
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream("/scenarios/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("library scenario resource missing: " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
