package dev.agentarena.behavior;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The behaviors shipped with the game, written in the behavior language as resources under
 * {@code /behaviors}: the prototype's decision ({@value #DEFAULT}), each of its four behaviors on its own,
 * and the prototype editor's example.
 */
public final class BuiltInBehaviors {

    /** The decision every team runs unless assigned another behavior. */
    public static final String DEFAULT = "default";
    public static final List<String> IDS = List.of(DEFAULT, "flee", "attack", "wander-together", "wander", "editor-example");

    private static final Map<String, CompiledBehavior> COMPILED = new ConcurrentHashMap<>();

    private BuiltInBehaviors() {
    }

    /** True for an id that names a built-in, which no user can save, change or delete. */
    public static boolean isReserved(String id) {
        return IDS.contains(id);
    }

    /** The JSON document of a built-in. */
    public static String json(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no built-in behavior '" + id + "'; built-ins: " + IDS);
        }
        try (InputStream in = BuiltInBehaviors.class.getResourceAsStream("/behaviors/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in behavior resource missing: " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled built-in, compiled once per JVM. */
    public static CompiledBehavior compiled(String id) {
        return COMPILED.computeIfAbsent(id, key -> {
            CompileResult result = BehaviorCompiler.compile(json(key));
            if (!result.ok()) {
                throw new IllegalStateException("built-in behavior '" + key + "' is invalid: " + result.report().diagnostics());
            }
            return result.behavior();
        });
    }
}
