package dev.agentarena.engine.stream;

import io.vertx.core.buffer.Buffer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One client's place in a world's stream: the frame it was last written (its baseline), whether it knows the
 * agents' displacements in that frame, and what it asked for (a viewport, a keyframe). The requests arrive
 * from the client's connection; everything else is read and written by the serializer under its lock.
 */
public final class ClientStream {

    final Supplier<Buffer> nextFrame;
    /** Sequence number of the last frame written to this client, -1 before the first. */
    int baseline = -1;
    /** What the client knows of the agents in its baseline (see docs/protocol.md). */
    Baseline baselineKind = Baseline.KEYFRAME;
    /** The agents (by slot) in the client's baseline when it has a viewport; null when it gets every agent. */
    boolean[] baselineMask;
    /** The viewport {@link #baselineMask} was made for. */
    Viewport sentViewport;
    /** The mask being built for the next frame; swapped with {@link #baselineMask} once written. */
    boolean[] nextMask;
    private final AtomicBoolean keyframeRequested = new AtomicBoolean();
    private volatile Viewport viewport;

    ClientStream(Serializer serializer) {
        this.nextFrame = () -> serializer.next(this);
    }

    /** The supplier a connection calls right before writing this client's next frame. */
    public Supplier<Buffer> nextFrame() {
        return nextFrame;
    }

    /** The next frame written will be a keyframe. */
    public void requestKeyframe() {
        keyframeRequested.set(true);
    }

    /** Restricts the stream to {@code view} (null: the whole world). */
    public void viewport(Viewport view) {
        viewport = view;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Reads and clears a keyframe request. */
    boolean takeKeyframeRequest() {
        return keyframeRequested.getAndSet(false);
    }
}
