package dev.agentarena.engine.ws;

import dev.agentarena.engine.stream.WorldCopy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * watch_agent: the one agent a connection has selected, whose details ({@code agent_details}) it then gets about
 * {@value #PER_SECOND} times a second. The details are read off the world's thread, from the copy each snapshot
 * takes anyway ({@link #copied}, on the encoder thread): an unwatched world does no work for them. An agent that is
 * not in the world (never was, removed, or the world was reset) is reported gone once and the watch ends.
 */
@ApplicationScoped
public class AgentWatches implements RequestHandler {

    static final int PER_SECOND = 4;
    /** A little under 1/{@value #PER_SECOND} s, so that copies 50 ms apart give {@value #PER_SECOND} a second. */
    private static final long INTERVAL_MILLIS = 1000 / PER_SECOND - 25;

    /** What a connection watches; the mutable part is touched by the encoder thread only. */
    private static final class Watch {
        final long agentId;
        int slot = -1;
        /** The world's simulation generation the agent was found in: ids start over in a new one. */
        int generation = -1;
        /** Epoch ms of the last details sent; 0 before the first, which goes out with the next copy. */
        long lastSentMillis;

        Watch(long agentId) {
            this.agentId = agentId;
        }
    }

    private final Map<ClientSession, Watch> watches = new ConcurrentHashMap<>();

    @Override
    public Map<String, Route> routes() {
        return Map.of("watch_agent", this::watch);
    }

    void watch(ClientSession session, ClientRequest request) {
        Long agentId = request.field("agentId", Long.class, false);
        if (agentId == null) {
            watches.remove(session);
        } else {
            watches.put(session, new Watch(agentId));
        }
        session.send(new ServerMessages.AgentWatched(request.requestId(), agentId));
    }

    /** The connection closed: its watch ends with it. */
    void forget(ClientSession session) {
        watches.remove(session);
    }

    /** A new copy of {@code worldId}: each of its viewers that watches an agent and is due gets the agent's details. */
    void copied(String worldId, WorldCopy copy, Iterable<ClientSession> viewers) {
        if (watches.isEmpty()) {
            return;
        }
        for (ClientSession viewer : viewers) {
            Watch watch = watches.get(viewer);
            if (watch == null || copy.capturedAtMillis() - watch.lastSentMillis < INTERVAL_MILLIS) {
                continue;
            }
            int slot = watch.generation == -1 || watch.generation == copy.generation()
                    ? copy.slotOf(watch.agentId, watch.slot) : -1;
            if (slot < 0) {
                watches.remove(viewer, watch);
                viewer.send(ServerMessages.AgentDetails.gone(worldId, watch.agentId, copy.tick()));
                continue;
            }
            watch.slot = slot;
            watch.generation = copy.generation();
            watch.lastSentMillis = copy.capturedAtMillis();
            viewer.send(ServerMessages.AgentDetails.of(worldId, watch.agentId, copy, slot));
        }
    }
}
