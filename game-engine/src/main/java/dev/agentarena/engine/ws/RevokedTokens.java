package dev.agentarena.engine.ws;

import dev.agentarena.engine.auth.Authenticator;
import dev.agentarena.engine.auth.Identity;
import dev.agentarena.engine.view.TokenView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A revoked token ends at once on open connections too: each connection signed in with it turns into a guest and is
 * told so with {@code signed_out}; what it asks next is judged as a guest's.
 */
@ApplicationScoped
public class RevokedTokens {

    static final String MESSAGE = "your sign-in token was revoked (signed out); you are a guest now: sign in again "
            + "(POST /api/session) to save";

    private final SessionRegistry sessions;
    private final Authenticator authenticator;
    private final MeterRegistry registry;

    public RevokedTokens(SessionRegistry sessions, Authenticator authenticator, MeterRegistry registry) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.registry = registry;
    }

    void onRevoked(@Observes TokenView.TokenRevoked revoked) {
        Identity guest = authenticator.guest();
        for (ClientSession session : sessions.all()) {
            if (revoked.tokenHash().equals(session.identity().tokenHash())) {
                session.becomeGuest(guest);
                session.send(new ServerMessages.SignedOut(ServerMessages.UserInfo.of(guest), MESSAGE));
                registry.counter("arena.engine.ws.signed_out").increment();
            }
        }
    }
}
