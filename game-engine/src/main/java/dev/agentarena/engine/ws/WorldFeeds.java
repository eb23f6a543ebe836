package dev.agentarena.engine.ws;

import dev.agentarena.engine.stream.ClientStream;
import dev.agentarena.engine.stream.WorldCopy;
import dev.agentarena.engine.stream.WorldStream;
import dev.agentarena.engine.world.WorldHandle;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fans each world's snapshots out to its viewers: one {@link WorldStream} per world with viewers, encoded on
 * this engine's single encoder thread (off every world's thread), offered to every viewer latest-only; the
 * behavior failures a copy carries go out as {@code behavior_error} events, never skipped, and the details of the
 * agents its viewers watch as {@code agent_details} ({@link AgentWatches}). The stream ends
 * with the last viewer, which lets an unwatched world go idle.
 */
@ApplicationScoped
public class WorldFeeds {

    /** Encoder tasks waiting at most: each world has at most {@code WorldStream.BUFFERS} in flight. */
    private static final int ENCODER_QUEUE = 256;

    private record Feed(AutoCloseable registration, WorldStream stream, Set<ClientSession> viewers) {
    }

    private final AgentWatches watches;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<ClientSession, ClientStream> streams = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor encoder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(ENCODER_QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "snapshot-encoder");
                thread.setDaemon(true);
                return thread;
            });

    public WorldFeeds(AgentWatches watches) {
        this.watches = watches;
    }

    void join(WorldHandle world, ClientSession session) {
        feeds.compute(world.id(), (id, feed) -> {
            Feed current = feed != null ? feed : open(world);
            current.viewers().add(session);
            streams.put(session, current.stream().join(session::offerSnapshot));
            return current;
        });
    }

    void leave(ClientSession session) {
        watches.forget(session);
        feeds.computeIfPresent(session.worldId(), (id, feed) -> {
            feed.viewers().remove(session);
            ClientStream stream = streams.remove(session);
            if (stream != null) {
                feed.stream().leave(stream);
            }
            if (!feed.viewers().isEmpty()) {
                return feed;
            }
            closeQuietly(feed.registration());
            return null;
        });
    }

    /** The session's place in its world's stream, while it watches. */
    Optional<ClientStream> stream(ClientSession session) {
        return Optional.ofNullable(streams.get(session));
    }

    private Feed open(WorldHandle world) {
        Set<ClientSession> viewers = ConcurrentHashMap.newKeySet();
        WorldStream stream = new WorldStream(world.id(), encoder, copy -> {
            sendErrors(world.id(), copy, viewers);
            watches.copied(world.id(), copy, viewers);
        });
        return new Feed(world.addViewer(stream), stream, viewers);
    }

    /** Unlike snapshots, which a slow client may skip, each (rate-limited) failure reaches every viewer. */
    private static void sendErrors(String worldId, WorldCopy copy, Set<ClientSession> viewers) {
        for (int i = 0; i < copy.errorCount(); i++) {
            BehaviorErrorEvent event = BehaviorErrorEvent.of(worldId, copy.error(i), copy.suppressedErrors());
            for (ClientSession viewer : viewers) {
                viewer.send(event);
            }
        }
    }

    @PreDestroy
    void stop() {
        encoder.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception ignored) {
            // The world may be gone already; nothing is left to release.
        }
    }
}
