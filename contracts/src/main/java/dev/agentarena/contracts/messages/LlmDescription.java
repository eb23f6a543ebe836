package dev.agentarena.contracts.messages;

import java.util.List;

/**
 * A request restated as the prototype's three parts, with the numbers it implies, plus the situations in
 * which the behavior is checked.
 *
 * @param triggers     when the behavior changes what it does, e.g. "own health below 40 %"
 * @param actions      what it does then, e.g. "flee the nearest enemy"
 * @param special      special conditions, e.g. "keep striking enemies in range while fleeing"
 * @param expectations situations with the outcome the behavior must show in each
 */
public record LlmDescription(List<String> triggers, List<String> actions, List<String> special,
                             List<LlmExpectation> expectations) {

    public LlmDescription {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        actions = actions == null ? List.of() : List.copyOf(actions);
        special = special == null ? List.of() : List.copyOf(special);
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
    }
}
