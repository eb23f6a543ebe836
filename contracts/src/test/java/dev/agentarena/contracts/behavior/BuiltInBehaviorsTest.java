package dev.agentarena.contracts.behavior;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInBehaviorsTest {

    static final java.util.List<String> IDS = BuiltInBehaviors.IDS;

    @ParameterizedTest
    @FieldSource("IDS")
    void everyBuiltInPassesValidation(String id) {
        assertThat(BehaviorValidator.validate(BuiltInBehaviors.json(id)).diagnostics()).isEmpty();
        assertThat(BuiltInBehaviors.compiled(id).ruleCount()).isPositive();
    }
}
