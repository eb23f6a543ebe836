package dev.agentarena.bench.load;

import io.vertx.core.buffer.Buffer;

/**
 * When the server took a binary snapshot frame's state, read from its header (docs/protocol.md, "Header"):
 * kind, flags, seq, baseSeq (deltas only), tick, round, roundTimeLeft, then capturedAt, every field after the first
 * two a varint.
 */
final class SnapshotClock {

    private static final int DELTA = 2;

    private SnapshotClock() {
    }

    /** The server's wall-clock time in ms at which the frame's state was copied, or -1 when the frame is too short. */
    static long serverMillis(Buffer frame) {
        if (frame.length() < 2) {
            return -1;
        }
        int[] position = {2};
        int varintsBefore = frame.getUnsignedByte(0) == DELTA ? 5 : 4;
        for (int i = 0; i < varintsBefore; i++) {
            if (varint(frame, position) < 0) {
                return -1;
            }
        }
        return varint(frame, position);
    }

    private static long varint(Buffer frame, int[] position) {
        long value = 0;
        for (int shift = 0; position[0] < frame.length() && shift < 64; shift += 7) {
            int b = frame.getUnsignedByte(position[0]++);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }
}
