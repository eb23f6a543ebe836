package dev.agentarena.simulation.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a world's state as a compact big-endian binary form (fixed-width numbers, length-prefixed UTF-8
 * strings, null as length -1) into a growing byte array. Read back with {@link StateReader}.
 */
public final class StateWriter {

    private byte[] bytes = new byte[1024];
    private int size;

    public StateWriter writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public StateWriter writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Bit for bit, so that a restored world computes exactly what the saved one would have. */
    public StateWriter writeDouble(double value) {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    public StateWriter writeBoolean(boolean value) {
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    public StateWriter writeString(String value) {
        if (value == null) {
            return writeInt(-1);
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /** A double array: its length, then its values ({@code null} as length -1). */
    public StateWriter writeDoubles(double[] values) {
        if (values == null) {
            return writeInt(-1);
        }
        writeInt(values.length);
        for (double value : values) {
            writeDouble(value);
        }
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
