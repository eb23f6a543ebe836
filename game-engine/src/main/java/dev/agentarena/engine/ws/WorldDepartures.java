package dev.agentarena.engine.ws;

import dev.agentarena.engine.cluster.WorldGone;
import dev.agentarena.engine.ws.connection.CloseCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Tells a world's viewers on this engine that it stopped running here: {@code world_deleted} when it was deleted;
 * when it moved to another engine, an UNAVAILABLE error and a close with 1012, after which the client reconnects and
 * is sent to where the world runs now.
 */
@ApplicationScoped
public class WorldDepartures {

    private final SessionRegistry sessions;

    public WorldDepartures(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    void onGone(@Observes WorldGone gone) {
        for (ClientSession viewer : sessions.othersInWorld(gone.worldId(), null)) {
            if (gone.deleted()) {
                viewer.send(new ServerMessages.WorldDeleted(null, gone.worldId()));
            } else {
                viewer.send(new ServerMessages.Error(null, ErrorCode.UNAVAILABLE, "world " + gone.worldId()
                        + " moves to another engine; reconnect to go on watching it", List.of()));
                viewer.close(CloseCodes.SERVICE_RESTART, "world moved");
            }
        }
    }
}
