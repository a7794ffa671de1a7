package io.leadline.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Fields in the binary format of Postgres's {@code COPY … FROM STDIN (FORMAT binary)}: each field its length (-1 for
 * null) and its value as the column type's binary form. Postgres parses none of it as text: at a million rows, the
 * text forms of timestamps and numbers cost it about a second and a half of its time. A row is its field count
 * ({@link #row}) and then its fields, which may be written in parts by different writers and joined with
 * {@link #raw}, so that parts can go to different tables; a stream starts with {@link #HEADER} and ends with
 * {@link #TRAILER}. The methods say which column type a value is for: the binary forms of {@code integer} and
 * {@code bigint} differ, and Postgres refuses a field of the wrong length.
 */
public final class CopyBinary {

    /** What a binary COPY stream starts with: its signature, no flags, no header extension. */
    public static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** What a binary COPY stream ends with: a field count of -1. */
    public static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /** Postgres counts time in microseconds from 2000-01-01 00:00 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private byte[] bytes;
    private int size;

    public CopyBinary(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    /** Starts a row of {@code fields} fields. */
    public CopyBinary row(int fields) {
        ensure(2);
        bytes[size++] = (byte) (fields >>> 8);
        bytes[size++] = (byte) fields;
        return this;
    }

    /** A {@code bigint} field. */
    public CopyBinary int8(long value) {
        length(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** A {@code bigint} field, or null. */
    public CopyBinary int8(Long value) {
        return value == null ? nul() : int8(value.longValue());
    }

    /** An {@code integer} field. */
    public CopyBinary int4(int value) {
        length(4);
        ensure(4);
        int4bytes(value);
        return this;
    }

    /** An {@code integer} field, or null. */
    public CopyBinary int4(Integer value) {
        return value == null ? nul() : int4(value.intValue());
    }

    /** A {@code text}, {@code varchar} or {@code char} field as UTF-8, or null. */
    public CopyBinary text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        length(utf8.length);
        return raw(utf8, 0, utf8.length);
    }

    /** A {@code jsonb} field from its JSON text (format version 1), or null. */
    public CopyBinary jsonb(String json) {
        if (json == null) {
            return nul();
        }
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        length(utf8.length + 1);
        ensure(1);
        bytes[size++] = 1;
        return raw(utf8, 0, utf8.length);
    }

    /** An instant as a {@code timestamptz} field's value, written by {@link #int8(long)}. */
    public static long microseconds(Instant at) {
        return Math.addExact(
                Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L), at.getNano() / 1_000);
    }

    /** A {@code boolean} field. */
    public CopyBinary bool(boolean value) {
        length(1);
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A null field. */
    public CopyBinary nul() {
        length(-1);
        return this;
    }

    /** Appends {@code length} bytes of {@code from} as they are (already fields), e.g. a part of another row. */
    public CopyBinary raw(byte[] from, int offset, int length) {
        ensure(length);
        System.arraycopy(from, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Empties the buffer for reuse, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    /** Bytes written so far: where the next field or row begins. */
    public int size() {
        return size;
    }

    /** The buffer; only the first {@link #size()} bytes are written. */
    public byte[] bytes() {
        return bytes;
    }

    private void length(int length) {
        ensure(4);
        int4bytes(length);
    }

    private void int4bytes(int value) {
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
