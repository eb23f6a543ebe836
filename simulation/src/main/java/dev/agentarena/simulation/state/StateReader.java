package dev.agentarena.simulation.state;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link StateWriter} wrote. Every read is bounds-checked: a truncated or corrupt state fails
 * with a {@link WorldStateException} ({@code MALFORMED}), never with an arbitrary runtime error or a huge
 * allocation.
 */
public final class StateReader {

    private final byte[] bytes;
    private int position;

    public StateReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public long readLong() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[position++] & 0xFF);
        }
        return value;
    }

    public int readInt() {
        need(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | (bytes[position++] & 0xFF);
        }
        return value;
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public boolean readBoolean() {
        need(1);
        byte value = bytes[position++];
        if (value != 0 && value != 1) {
            throw malformed("a flag is " + value + " at byte " + (position - 1));
        }
        return value == 1;
    }

    public String readString() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        need(checkedLength(length, 1));
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public double[] readDoubles() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        need((long) checkedLength(length, 8) * 8);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = readDouble();
        }
        return values;
    }

    /** A count read from the state, checked against what is left, so a corrupt count cannot allocate much. */
    public int readCount(int bytesPerItem) {
        int count = readInt();
        return checkedLength(count, bytesPerItem);
    }

    /** Fails unless every byte was read: trailing bytes mean the state is not what its version says. */
    public void end() {
        if (position != bytes.length) {
            throw malformed((bytes.length - position) + " bytes left after the state");
        }
    }

    private int checkedLength(int length, int bytesPerItem) {
        if (length < 0 || (long) length * bytesPerItem > bytes.length - position) {
            throw malformed("a length of " + length + " at byte " + (position - 4) + " runs past the end");
        }
        return length;
    }

    private void need(long count) {
        if (position + count > bytes.length) {
            throw malformed("the state ends at byte " + bytes.length + ", " + count + " more needed at " + position);
        }
    }

    private static WorldStateException malformed(String message) {
        return new WorldStateException(WorldStateException.Reason.MALFORMED, message);
    }
}
