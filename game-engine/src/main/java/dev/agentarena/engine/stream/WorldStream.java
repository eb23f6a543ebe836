package dev.agentarena.engine.stream;

import dev.agentarena.simulation.Simulation;
import dev.agentarena.engine.world.SnapshotSink;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One world's stream to its viewers. On the world's thread it only copies the simulation into a buffer taken
 * from a small pool ({@value #BUFFERS} buffers): when none is free, the encoder is behind and this broadcast is
 * skipped, never waited for. The encoder executor then quantizes the copy into the serializer's newest frame,
 * returns the buffer, hands the copy to the listener (behavior failures go out as JSON events) and offers
 * every viewer its next frame, which the serializer encodes when the viewer's connection is ready to write it.
 */
public final class WorldStream implements SnapshotSink {

    static final int BUFFERS = 3;

    /** A viewer: its place in the stream and where its frames go (a latest-only slot of its connection). */
    private record Viewer(ClientStream stream, Consumer<Supplier<Buffer>> offer) {
    }

    /** A pooled buffer and the task that encodes it, both made once. */
    private final class Job implements Runnable {
        final WorldCopy copy = new WorldCopy();

        @Override
        public void run() {
            try {
                encode(copy);
            } catch (RuntimeException e) {
                // A failed frame is skipped: the viewers keep their baselines and get the next one.
                LOG.errorf(e, "could not encode a snapshot of world %s", worldId);
            } finally {
                free.offer(this);
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(WorldStream.class);

    private final String worldId;
    private final BinarySerializer serializer;
    private final Executor encoder;
    private final Consumer<WorldCopy> listener;
    private final ArrayBlockingQueue<Job> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    /** Read and written on the world's thread only. */
    private final WorldCopy.LogCursor cursor = new WorldCopy.LogCursor();

    /**
     * @param listener called on the encoder thread with each copy after it became a frame, before the viewers
     *                 are offered it
     */
    public WorldStream(String worldId, Executor encoder, Consumer<WorldCopy> listener) {
        this.worldId = worldId;
        this.serializer = new BinarySerializer(worldId);
        this.encoder = encoder;
        this.listener = listener;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Job());
        }
    }

    @Override
    public boolean capture(Simulation simulation, int generation, boolean running) {
        Job job = free.poll();
        if (job == null) {
            return false;
        }
        job.copy.fill(simulation, generation, running, cursor);
        try {
            encoder.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            free.offer(job);
            return false;
        }
    }

    private void encode(WorldCopy copy) {
        serializer.append(copy);
        listener.accept(copy);
        for (Viewer viewer : viewers) {
            viewer.offer().accept(viewer.stream().nextFrame());
        }
    }

    /** Adds a viewer whose frames go to {@code offer}; its first frame is a keyframe. */
    public ClientStream join(Consumer<Supplier<Buffer>> offer) {
        ClientStream stream = serializer.newClient();
        viewers.add(new Viewer(stream, offer));
        return stream;
    }

    public void leave(ClientStream stream) {
        viewers.removeIf(viewer -> viewer.stream() == stream);
    }
}
