package dev.agentarena.engine.http;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.AbandonUserPayload;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.CreateUserPayload;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.messaging.PersistenceReply;
import dev.agentarena.engine.ws.ErrorCode;
import dev.agentarena.engine.ws.PersistenceReplies;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Frees the name of a user made too late: a sign-in answered TIMEOUT whose CREATE_USER was applied after all. The
 * token of that user went to nobody (the asker was told the outcome is unknown), so without this the name would be
 * taken for good. The engine sends ABANDON_USER for it, and persistence deletes the user only while it is untouched
 * since that create (see {@link CommandType#ABANDON_USER}). Only this engine's own record of a sign-in it answered
 * TIMEOUT leads here, never anything a client sends, so nobody can have another's account removed.
 */
@ApplicationScoped
public class UnclaimedUsers {

    private static final Logger LOG = Logger.getLogger(UnclaimedUsers.class);

    private final PersistenceClient persistence;
    private final MeterRegistry registry;

    public UnclaimedUsers(PersistenceClient persistence, MeterRegistry registry) {
        this.persistence = persistence;
        this.registry = registry;
    }

    /** The real outcome of sign-in {@code create}, whose asker was told TIMEOUT: abandons the user it made, if any. */
    void lateResult(PersistenceCommand create, PersistenceResult late) {
        if (late.status() != ResultStatus.OK) {
            return;
        }
        String userId = create.entityId();
        LOG.infof("user %s was created after its sign-in had answered TIMEOUT; abandoning it so that its name is free", userId);
        String tokenHash = Json.convert(create.payload(), CreateUserPayload.class).tokenHash();
        PersistenceCommand abandon = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.ABANDON_USER, null,
                userId, null, Json.toTree(new AbandonUserPayload(create.commandId(), tokenHash)));
        persistence.request("abandon/" + create.commandId(), () -> abandon, new PersistenceReply() {
            @Override
            public void onResult(PersistenceResult result) {
                count(userId, result);
            }

            @Override
            public void onLateResult(PersistenceResult result) {
                count(userId, result);
            }
        });
    }

    /** Counts each outcome: ABANDONED, CONFLICT (the user is in use and kept), or why it is not known (TIMEOUT...). */
    private void count(String userId, PersistenceResult result) {
        ErrorCode code = PersistenceReplies.codeOf(result, ErrorCode.BAD_MESSAGE);
        String outcome = code == null ? "ABANDONED" : code.name();
        if (code != null) {
            LOG.warnf("abandoning user %s: %s (%s)", userId, outcome, result.message());
        }
        registry.counter("arena.engine.session.unclaimed", "outcome", outcome).increment();
    }
}
