package dev.agentarena.engine.stream;

import dev.agentarena.contracts.config.ArenaConfig;
import io.vertx.core.buffer.Buffer;

/**
 * The binary {@link Serializer}: a ring of the last {@value #RING} quantized frames, and per frame one encoding
 * per baseline, so that every client without a viewport that has the same frame shares one delta. A client whose
 * frame fell out of the ring (it skipped too many) gets a keyframe; it never gets a delta it cannot apply.
 * Clients with a viewport get their own encoding.
 */
public final class BinarySerializer implements Serializer {

    /** Frames kept: 1.6 s at 20 Hz, far more than a latest-only client skips before it is dropped. */
    static final int RING = 32;
    private static final long KEYFRAME_KEY = -1;

    private final String worldId;
    private final Frame[] ring = new Frame[RING];
    private final NameTable names = new NameTable();
    private final FrameEncoder encoder = new FrameEncoder();
    private StaticData statics;
    private int staticVersion;
    private int generation = -1;
    private ArenaConfig config;
    private int newest = -1;

    public BinarySerializer(String worldId) {
        this.worldId = worldId;
    }

    /** A client of this serializer's stream. */
    public ClientStream newClient() {
        return new ClientStream(this);
    }

    @Override
    public synchronized void append(WorldCopy copy) {
        if (statics == null || copy.generation != generation || copy.config != config) {
            startStaticVersion(copy);
        }
        int seq = newest + 1;
        Frame previous = frame(newest);
        Frame frame = ring[seq % RING];
        if (frame == null) {
            frame = new Frame();
            ring[seq % RING] = frame;
        }
        if (!frame.quantize(copy, seq, staticVersion, previous, names)) {
            startStaticVersion(copy);
            frame.quantize(copy, seq, staticVersion, previous, names);
        }
        newest = seq;
    }

    private void startStaticVersion(WorldCopy copy) {
        staticVersion++;
        generation = copy.generation;
        config = copy.config;
        names.clear();
        statics = new StaticData(worldId, staticVersion, copy);
    }

    @Override
    public synchronized Buffer next(ClientStream client) {
        Frame f = frame(newest);
        if (f == null) {
            return null;
        }
        boolean keyframeRequested = client.takeKeyframeRequest();
        Viewport viewport = client.viewport();
        if (client.baseline == f.seq && !keyframeRequested && viewport == client.sentViewport) {
            return null;
        }
        Frame b = frame(client.baseline);
        boolean keyframe = b == null || keyframeRequested || b.staticVersion != f.staticVersion;
        Buffer encoded;
        if (viewport == null && client.baselineMask == null) {
            encoded = shared(client, b, f, keyframe);
        } else {
            encoded = viewed(client, b, f, keyframe, viewport);
        }
        client.baselineKind = keyframe ? Baseline.KEYFRAME
                : f.seq - b.seq == 1 && client.baselineKind != Baseline.KEYFRAME ? Baseline.WITH_DISPLACEMENTS
                : Baseline.POSITIONS;
        client.baseline = f.seq;
        client.sentViewport = viewport;
        return encoded;
    }

    /** The encoding every client on the same baseline shares. */
    private Buffer shared(ClientStream client, Frame b, Frame f, boolean keyframe) {
        long key = keyframe ? KEYFRAME_KEY : b.seq * 4L + client.baselineKind.ordinal();
        Buffer encoded = f.encodings.get(key);
        if (encoded == null) {
            encoded = keyframe ? encoder.keyframe(f, statics, names, null)
                    : encoder.delta(b, null, f, null, client.baselineKind, statics, names, this::frame);
            f.encodings.put(key, encoded);
        }
        return encoded;
    }

    /** A client's own encoding, restricted to its viewport (or leaving one: back to every agent). */
    private Buffer viewed(ClientStream client, Frame b, Frame f, boolean keyframe, Viewport viewport) {
        boolean[] mask = null;
        if (viewport != null) {
            mask = client.nextMask == null || client.nextMask.length < f.slots ? new boolean[f.used.length]
                    : client.nextMask;
            for (int s = 0; s < f.slots; s++) {
                mask[s] = f.used[s] && viewport.contains(f.x[s], f.y[s]);
            }
        }
        Buffer encoded = keyframe ? encoder.keyframe(f, statics, names, mask)
                : encoder.delta(b, client.baselineMask, f, mask, client.baselineKind, statics, names, this::frame);
        client.nextMask = client.baselineMask;
        client.baselineMask = mask;
        return encoded;
    }

    /** The frame with sequence number {@code seq} while the ring still holds it, else null. */
    private Frame frame(int seq) {
        if (seq < 0 || seq > newest || seq <= newest - RING) {
            return null;
        }
        Frame f = ring[seq % RING];
        return f != null && f.seq == seq ? f : null;
    }
}
