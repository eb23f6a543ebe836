package dev.agentarena.persistence.service;

import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;

import java.util.List;

/** A command without a user comes from a guest, who may watch and use the defaults but store nothing. */
final class Guests {

    private Guests() {
    }

    static boolean isGuest(PersistenceCommand command) {
        return command.userId() == null || command.userId().isBlank();
    }

    static CommandOutcome refusal(PersistenceCommand command, String kind) {
        return CommandOutcome.unchanged(PersistenceResult.failed(command, ResultStatus.FORBIDDEN,
                "guests cannot save a " + kind + ": sign in (POST /api/session with a name) to keep your own", List.of()));
    }
}
