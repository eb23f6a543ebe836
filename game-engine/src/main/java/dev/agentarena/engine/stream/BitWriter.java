package dev.agentarena.engine.stream;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one binary frame into a reused, growing byte array: a byte-aligned part (u8, LEB128 varints, strings)
 * followed by a bit-packed part, most significant bit first (fixed-width fields and exp-Golomb codes).
 * The layout is in docs/protocol.md; {@code snapshot-decoder.js} and the tests' decoder read it back.
 */
final class BitWriter {

    private byte[] bytes = new byte[4096];
    private int length;
    private long pending;
    private int pendingBits;

    void reset() {
        length = 0;
        pending = 0;
        pendingBits = 0;
    }

    int length() {
        return length + (pendingBits + 7) / 8;
    }

    void u8(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    /** Unsigned LEB128: 7 bits a byte, low group first, high bit set on every byte but the last. */
    void varint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /** The low {@code count} bits of {@code value} (count ≤ 32). */
    void bits(long value, int count) {
        if (count == 0) {
            return;
        }
        pending = (pending << count) | (value & ((1L << count) - 1));
        pendingBits += count;
        while (pendingBits >= 8) {
            ensure(1);
            pendingBits -= 8;
            bytes[length++] = (byte) (pending >>> pendingBits);
        }
    }

    void bit(boolean value) {
        bits(value ? 1 : 0, 1);
    }

    /**
     * Exp-Golomb code of order {@code k} for {@code value ≥ 0}: with m = value + 2^k of n bits, n - 1 - k zeros
     * then m in n bits. Small values are short; k shifts the sweet spot to values near 2^k.
     */
    void expGolomb(long value, int k) {
        long m = value + (1L << k);
        int n = 64 - Long.numberOfLeadingZeros(m);
        int zeros = n - 1 - k;
        while (zeros > 0) {
            int run = Math.min(zeros, 32);
            bits(0, run);
            zeros -= run;
        }
        if (n > 32) {
            bits(m >>> 32, n - 32);
            bits(m, 32);
        } else {
            bits(m, n);
        }
    }

    /** Pads the bit part with zeros to a whole byte. */
    void alignToByte() {
        if (pendingBits > 0) {
            bits(0, 8 - pendingBits);
        }
    }

    Buffer toBuffer() {
        alignToByte();
        return Buffer.buffer(Arrays.copyOf(bytes, length));
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Length in bits of {@link #expGolomb}'s code. */
    static int expGolombLength(long value, int k) {
        long m = value + (1L << k);
        return 2 * (64 - Long.numberOfLeadingZeros(m)) - 1 - k;
    }

    /** Maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2 … → 0, 1, 2, 3 … */
    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** Bits needed to write every value in {@code 0..max}. */
    static int bitsFor(long max) {
        return max <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(max);
    }
}
