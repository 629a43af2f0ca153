package dev.weir.python;

import dev.weir.api.java.tuple.Tuple;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the answers a Python worker wrote with {@code marshal.dumps(answers, 2)}, CPython's own serializer, which
 * writes a chunk of answers in C far faster than Python code can tag them one by one. Format 2 (stable since Python
 * 2.5, written by every Python 3) has no references between objects. This reads the values that also cross as tagged
 * values ({@link ValueCodec}), into the same Java types: None, bool, int up to 64 bits, float, str, bytes, tuple, list
 * and dict. Anything else (a set, a larger int, a str with a lone surrogate) makes {@link #readLists} return false, and
 * the caller asks the worker for the tagged form, whose encoder names the value that cannot cross.
 */
final class MarshalReader {
    /** The reply's tag: marshalled lists of answers follow, one per chunk of records, to the end of the frame. */
    static final byte MARSHALLED = 'K';

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** marshal writes an int as 15-bit digits when it does not fit in 32 bits. */
    private static final int DIGIT_BITS = 15;

    private byte[] data;
    private int at;
    private int end;

    /**
     * Appends the items of the marshalled lists in {@code data[from, to)} to {@code out}; false, leaving {@code out}
     * as it was, when a value is not one Weir takes from marshal.
     */
    boolean readLists(byte[] data, int from, int to, List<Object> out) {
        this.data = data;
        at = from;
        end = to;
        int size = out.size();
        try {
            while (at < end) {
                if (data[at++] != '[') {
                    throw NotReadable.INSTANCE;
                }
                for (int i = 0, n = length(); i < n; i++) {
                    out.add(value());
                }
            }
            return true;
        } catch (NotReadable e) {
            out.subList(size, out.size()).clear();
            return false;
        } finally {
            this.data = null;
        }
    }

    /**
     * Reads the marshalled lists in {@code data[from, to)} into {@code into} when every item is an int that fits in
     * 64 bits, unboxed; false, reading nothing, otherwise. The loop reads an int's bytes itself rather than through a
     * VarHandle or this class's helpers: it runs in the interpreter for a job's first bundles, where a VarHandle call
     * costs about 1.8 µs against 80 ns for the plain byte reads (JDK 17), and a small loop is compiled sooner.
     */
    boolean readLongs(byte[] data, int from, int to, BundleAnswers into) {
        into.startLongs();
        int at = from;
        while (at < to) {
            if (to - at < 5 || data[at] != '[') {
                return false;
            }
            int count = littleEndianInt(data, at + 1);
            at += 5;
            if (count < 0 || count > (to - at) / 5) { // an int takes at least five bytes
                return false;
            }
            long[] longs = into.room(count);
            for (int i = into.size(), last = i + count; i < last; i++) {
                if (to - at < 5) {
                    return false;
                }
                byte tag = data[at];
                if (tag == 'i') {
                    longs[i] = littleEndianInt(data, at + 1);
                    at += 5;
                } else if (tag == 'l') {
                    this.data = data;
                    this.at = at + 1;
                    end = to;
                    try {
                        longs[i] = digits();
                    } catch (NotReadable e) {
                        return false;
                    } finally {
                        this.data = null;
                    }
                    at = this.at;
                } else {
                    return false;
                }
            }
            into.added(count);
        }
        return true;
    }

    private static int littleEndianInt(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | data[at + 3] << 24;
    }

    private Object value() throws NotReadable {
        need(1);
        byte tag = data[at++];
        switch (tag) {
            case 'N':
                return null;
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'i':
                return (long) int32();
            case 'l':
                return digits();
            case 'g': {
                need(8);
                double value = Double.longBitsToDouble((long) LONG.get(data, at));
                at += 8;
                return value;
            }
            case 'u':
                return string();
            case 's': {
                int length = length();
                need(length);
                byte[] bytes = new byte[length];
                System.arraycopy(data, at, bytes, 0, length);
                at += length;
                return bytes;
            }
            case '(': {
                int arity = length();
                if (arity > Tuple.MAX_ARITY) {
                    throw NotReadable.INSTANCE; // the tagged form's reader says why
                }
                Tuple tuple = Tuple.newInstance(arity);
                for (int i = 0; i < arity; i++) {
                    tuple.setField(value(), i);
                }
                return tuple;
            }
            case '[': {
                int size = length();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value());
                }
                return list;
            }
            case '{': {
                Map<Object, Object> map = new LinkedHashMap<>();
                while (true) {
                    need(1);
                    if (data[at] == '0') { // marshal ends a dict with its NULL tag
                        at++;
                        return map;
                    }
                    Object key = value();
                    map.put(key, value());
                }
            }
            default:
                throw NotReadable.INSTANCE;
        }
    }

    /** An int that does not fit in 32 bits: a signed count of 15-bit digits, least significant first. */
    private long digits() throws NotReadable {
        int count = int32();
        int size = Math.abs(count);
        if (size > 5) { // more than 75 bits
            throw NotReadable.INSTANCE;
        }
        need(2 * size);
        long magnitude = 0;
        for (int i = 0; i < size; i++) {
            long digit = (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
            at += 2;
            if (i == 4 && digit > 8) {
                throw NotReadable.INSTANCE; // at least 2^64
            }
            magnitude |= digit << (DIGIT_BITS * i);
        }
        if (magnitude >= 0) {
            return count < 0 ? -magnitude : magnitude;
        }
        if (count < 0 && magnitude == Long.MIN_VALUE) {
            return Long.MIN_VALUE; // -2^63, whose magnitude is no positive long
        }
        throw NotReadable.INSTANCE;
    }

    private String string() throws NotReadable {
        int length = length();
        need(length);
        for (int i = at, last = at + length - 1; i < last; i++) {
            // marshal writes a lone surrogate (which UTF-8 cannot hold) as ED A0..BF: Java would read it as U+FFFD.
            if (data[i] == (byte) 0xED && (data[i + 1] & 0xFF) >= 0xA0) {
                throw NotReadable.INSTANCE;
            }
        }
        String value = new String(data, at, length, StandardCharsets.UTF_8);
        at += length;
        return value;
    }

    private int length() throws NotReadable {
        int length = int32();
        if (length < 0) {
            throw NotReadable.INSTANCE;
        }
        return length;
    }

    private int int32() throws NotReadable {
        need(4);
        int value = (int) INT.get(data, at);
        at += 4;
        return value;
    }

    private void need(int bytes) throws NotReadable {
        if (end - at < bytes) {
            throw NotReadable.INSTANCE;
        }
    }

    /** Unwinds a read that met a value Weir does not take from marshal; never leaves this class. */
    private static final class NotReadable extends Exception {
        private static final long serialVersionUID = 1L;
        static final NotReadable INSTANCE = new NotReadable();

        private NotReadable() {
            super("a marshalled value Weir does not read", null, false, false);
        }
    }
}
