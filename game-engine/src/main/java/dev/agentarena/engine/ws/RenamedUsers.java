package dev.agentarena.engine.ws;

import dev.agentarena.engine.view.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A renamed user's open connections act under the new name at once (whether the rename was asked here or on another
 * engine, whose change arrives through the users changelog), and each is told with {@code user_renamed}.
 */
@ApplicationScoped
public class RenamedUsers {

    private final SessionRegistry sessions;

    public RenamedUsers(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    void onRenamed(@Observes UserView.UserRenamed renamed) {
        for (ClientSession session : sessions.all()) {
            if (session.userChanged(renamed.user())) {
                session.send(new ServerMessages.UserRenamed(null, ServerMessages.UserInfo.of(session.identity())));
            }
        }
    }
}
