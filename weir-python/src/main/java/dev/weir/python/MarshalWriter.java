package dev.weir.python;

import dev.weir.api.java.tuple.Tuple;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a bundle of records as one list in CPython's {@code marshal} format 2, which a Python worker reads with
 * {@code marshal.loads} in C instead of decoding tagged values one by one in Python code (the twin of
 * {@link MarshalReader}). It writes the values that also cross as tagged values ({@link ValueCodec}), as the same
 * Python types; a record it has no form for (a {@code Row}) makes {@link #write} return false, and the bundle crosses
 * as tagged values.
 */
final class MarshalWriter {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int DIGIT_BITS = 15;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

    private byte[] buffer = new byte[1 << 12];
    private int at;

    /**
     * Writes {@code prefix} (a tag byte) and then {@code values} as one marshalled list, after 4 bytes left for the
     * frame's length; false when a value has no marshal form here.
     */
    boolean write(byte prefix, List<Object> values) {
        at = 4;
        ensure(6);
        buffer[at++] = prefix;
        buffer[at++] = '[';
        int32(values.size());
        for (int i = 0, n = values.size(); i < n; i++) {
            if (!value(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The bytes written, from offset 0 (the frame's length, not yet set) to {@link #length()}. */
    byte[] buffer() {
        return buffer;
    }

    int length() {
        return at;
    }

    private boolean value(Object value) {
        ensure(9);
        if (value == null) {
            buffer[at++] = 'N';
        } else if (value instanceof Long number) {
            integer(number);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            buffer[at++] = 'u';
            bytes(bytes);
        } else if (value instanceof Double number) {
            buffer[at++] = 'g';
            LONG.set(buffer, at, Double.doubleToRawLongBits(number));
            at += 8;
        } else if (value instanceof Boolean b) {
            buffer[at++] = (byte) (b ? 'T' : 'F');
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integer(((Number) value).longValue());
        } else if (value instanceof Float number) {
            buffer[at++] = 'g';
            LONG.set(buffer, at, Double.doubleToRawLongBits(number.doubleValue()));
            at += 8;
        } else if (value instanceof Tuple tuple) {
            buffer[at++] = '(';
            int32(tuple.getArity());
            for (int i = 0; i < tuple.getArity(); i++) {
                if (!value(tuple.getField(i))) {
                    return false;
                }
            }
        } else if (value instanceof List<?> list) {
            buffer[at++] = '[';
            int32(list.size());
            for (Object item : list) {
                if (!value(item)) {
                    return false;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            buffer[at++] = '{';
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!value(e.getKey()) || !value(e.getValue())) {
                    return false;
                }
            }
            ensure(1);
            buffer[at++] = '0'; // marshal ends a dict with its NULL tag
        } else if (value instanceof byte[] bytes) {
            buffer[at++] = 's';
            bytes(bytes);
        } else {
            return false;
        }
        return true;
    }

    /** An int: 4 bytes when it fits in 32 bits, else a signed count of 15-bit digits, least significant first. */
    private void integer(long value) {
        if (value == (int) value) {
            buffer[at++] = 'i';
            INT.set(buffer, at, (int) value);
            at += 4;
            return;
        }
        buffer[at++] = 'l';
        int sizeAt = at;
        at += 4;
        ensure(10);
        // The magnitude as an unsigned long: -2^63 has no positive long, but its bits are its magnitude.
        long magnitude = value < 0 ? -value : value;
        int digits = 0;
        while (magnitude != 0) {
            int digit = (int) (magnitude & DIGIT_MASK);
            buffer[at++] = (byte) digit;
            buffer[at++] = (byte) (digit >>> 8);
            magnitude >>>= DIGIT_BITS;
            digits++;
        }
        INT.set(buffer, sizeAt, value < 0 ? -digits : digits);
    }

    private void bytes(byte[] bytes) {
        int32(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, at, bytes.length);
        at += bytes.length;
    }

    private void int32(int value) {
        ensure(4);
        INT.set(buffer, at, value);
        at += 4;
    }

    private void ensure(int bytes) {
        if (buffer.length - at < bytes) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + bytes));
        }
    }
}
