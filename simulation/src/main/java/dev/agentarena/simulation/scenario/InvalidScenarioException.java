package dev.agentarena.simulation.scenario;

import dev.agentarena.contracts.FieldError;

import java.util.List;

/** A scenario document that cannot run, with every problem found, each at its JSON pointer. */
public final class InvalidScenarioException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidScenarioException(List<FieldError> errors) {
        super(errors.size() + " problem(s) in the scenario, first " + errors.get(0).path() + ": " + errors.get(0).message(),
                null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
