package dev.agentarena.contracts.behavior;

import dev.cel.runtime.CelVariableResolver;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Feeds one perception and a behavior's param values to CEL, by variable name. */
final class PerceptionResolver implements CelVariableResolver {

    private static final Map<String, PerceptionVariable> BY_NAME = new HashMap<>();

    static {
        for (PerceptionVariable variable : PerceptionVariable.all()) {
            BY_NAME.put(variable.celName(), variable);
        }
    }

    private final Perception perception;
    private final Map<String, Double> params;

    /** @param params values keyed by full CEL name ({@code params.<name>}) */
    PerceptionResolver(Perception perception, Map<String, Double> params) {
        this.perception = perception;
        this.params = params;
    }

    @Override
    public Optional<Object> find(String name) {
        PerceptionVariable variable = BY_NAME.get(name);
        if (variable != null) {
            return Optional.of(variable.kind() == PerceptionVariable.Kind.FLAG
                    ? (Object) perception.flag(variable) : (Object) perception.number(variable));
        }
        return Optional.ofNullable(params.get(name));
    }
}
