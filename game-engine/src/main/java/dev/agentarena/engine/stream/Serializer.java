package dev.agentarena.engine.stream;

import io.vertx.core.buffer.Buffer;

/**
 * Turns a world's copies into what each client is sent, as Colyseus' {@code Serializer} does for a room's
 * state: the whole state for a client that has nothing usable, patches against what it has otherwise.
 * Implementations are thread-safe: frames are appended by the encoder thread, and read by whichever thread
 * writes to a client's connection.
 */
public interface Serializer {

    /** Takes {@code copy} as the newest frame; the copy may be reused once this returns. */
    void append(WorldCopy copy);

    /**
     * The frame to write to {@code client} now, against the frame it has: a keyframe on join, after a gap, on
     * request and when static data changed, a delta otherwise. Advances the client's baseline to the frame
     * returned, so call it only right before the write. Null when the client already has the newest frame.
     */
    Buffer next(ClientStream client);
}
