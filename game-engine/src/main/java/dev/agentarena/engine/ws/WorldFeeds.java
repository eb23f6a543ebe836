package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans a world's snapshots out to its viewers: one registration per world with viewers, each snapshot
 * serialized once, then offered to every viewer (latest only); the behavior failures it carries go out as
 * {@code behavior_error} events, never skipped. The registration ends with the last viewer,
 * which lets an unwatched world go idle.
 */
@ApplicationScoped
public class WorldFeeds {

    private record Feed(AutoCloseable registration, Set<ClientSession> viewers) {
    }

    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    void join(WorldHandle world, ClientSession session) {
        feeds.compute(world.id(), (id, feed) -> {
            Feed current = feed != null ? feed : open(world);
            current.viewers().add(session);
            return current;
        });
    }

    void leave(ClientSession session) {
        feeds.computeIfPresent(session.worldId(), (id, feed) -> {
            feed.viewers().remove(session);
            if (!feed.viewers().isEmpty()) {
                return feed;
            }
            closeQuietly(feed.registration());
            return null;
        });
    }

    private static Feed open(WorldHandle world) {
        Set<ClientSession> viewers = ConcurrentHashMap.newKeySet();
        AutoCloseable registration = world.addViewer((WorldSnapshot snapshot) -> {
            String frame = Json.write(new ServerMessages.State(snapshot));
            for (ClientSession viewer : viewers) {
                viewer.offerState(frame);
            }
            // Unlike states, which a slow client may skip, each (rate-limited) failure reaches every viewer.
            for (WorldSnapshot.BehaviorError error : snapshot.behaviorErrors()) {
                BehaviorErrorEvent event = BehaviorErrorEvent.of(snapshot.worldId(), error);
                for (ClientSession viewer : viewers) {
                    viewer.send(event);
                }
            }
        });
        return new Feed(registration, viewers);
    }

    private static void closeQuietly(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception ignored) {
            // The world may be gone already; nothing is left to release.
        }
    }
}
