package dev.agentarena.bench;

import dev.agentarena.behavior.BehaviorCompiler;
import dev.agentarena.behavior.CompileResult;
import dev.agentarena.simulation.policy.BehaviorPolicy;
import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.DecisionPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The policies the behavior benchmarks compare: {@code default} (the built-in decision every team runs; any
 * built-in id works), {@code six-rules} (a six-rule document with computed weights,
 * {@code bench/six-rules.json}) and {@code worst} (the costliest accepted document, {@link WorstBehavior}).
 */
final class BenchBehaviors {

    private BenchBehaviors() {
    }

    static DecisionPolicy policy(String name) {
        return switch (name) {
            case "six-rules" -> compile(resource("/bench/six-rules.json"));
            case "worst" -> compile(WorstBehavior.json(10));
            default -> new BuiltInPolicies().find(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown bench behavior " + name));
        };
    }

    private static DecisionPolicy compile(String json) {
        CompileResult result = BehaviorCompiler.compile(json);
        if (!result.ok()) {
            throw new IllegalStateException("bench behavior does not compile: " + result.report().diagnostics());
        }
        return new BehaviorPolicy(result.behavior());
    }

    private static String resource(String path) {
        try (InputStream in = BenchBehaviors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
