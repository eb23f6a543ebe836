package dev.agentarena.simulation.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes a world's state as a compact big-endian binary form (fixed-width numbers, length-prefixed UTF-8
 * strings, null as length -1) into a growing byte array. Read back with {@link StateReader}.
 *
 * <p>A checkpoint writes a whole world on the world's thread, so this is built for speed: numbers go in through
 * byte-array views (one store each, not one per byte), the array is sized from a hint up front, and a string
 * written again (an agent's behavior id, its state label: the same few instances over and over) reuses its bytes.
 */
public final class StateWriter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /**
     * More string instances than a world writes again and again (its behavior ids and plan labels). A writer that
     * is reused holds on to every instance it has written, also those no state holds any more (logged error
     * messages, a restored world's per-agent copies of its labels); past this many it starts over.
     */
    static final int MAX_ENCODED_STRINGS = 4096;

    private final Map<String, byte[]> encoded = new IdentityHashMap<>();
    private byte[] bytes;
    private int size;

    public StateWriter() {
        this(1024);
    }

    /** @param expectedBytes about how much will be written, so that the array grows rarely or never */
    public StateWriter(int expectedBytes) {
        bytes = new byte[Math.max(64, expectedBytes)];
    }

    public StateWriter writeLong(long value) {
        ensure(8);
        LONGS.set(bytes, size, value);
        size += 8;
        return this;
    }

    public StateWriter writeInt(int value) {
        ensure(4);
        INTS.set(bytes, size, value);
        size += 4;
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
        byte[] utf8 = encoded.computeIfAbsent(value, text -> text.getBytes(StandardCharsets.UTF_8));
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

    /** What {@code part} holds, as it is (a section written ahead, into a writer of its own). */
    public StateWriter append(StateWriter part) {
        ensure(part.size);
        System.arraycopy(part.bytes, 0, bytes, size, part.size);
        size += part.size;
        return this;
    }

    /** Empties the writer for the next state, keeping its array (and the strings it has encoded, up to a bound). */
    public StateWriter reset() {
        size = 0;
        if (encoded.size() > MAX_ENCODED_STRINGS) {
            encoded.clear();
        }
        return this;
    }

    /** How many bytes are written: {@link #array()} holds them from index 0. */
    public int size() {
        return size;
    }

    /** The writer's own array (valid up to {@link #size()}), read without a copy; the writer must not be written meanwhile. */
    public byte[] array() {
        return bytes;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** How many string instances the writer keeps the bytes of. */
    int encodedStrings() {
        return encoded.size();
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
