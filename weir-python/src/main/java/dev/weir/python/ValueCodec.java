package dev.weir.python;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the plain values that cross between the JVM and Python: one tag byte, then the payload. The Python
 * twin is {@code weir/_internal/codec.py}; both must agree on every tag.
 *
 * <p>Python {@code tuple} becomes a Weir {@link Tuple} (so positional built-ins such as {@code sum(1)} and Flink's
 * printed form {@code (a,1)} apply), {@code list} a {@link List}, {@code dict} a {@link Map}, {@code int} a
 * {@link Long}, {@code float} a {@link Double}, {@code str} a {@link String}, {@code bool} a {@link Boolean},
 * {@code bytes} a {@code byte[]}, and PyFlink's {@code Row} a Weir {@link Row}: position-based for {@code Row(1, 'a')},
 * name-based for {@code Row(name='a', count=1)}, with its {@link RowKind}.
 */
final class ValueCodec {
    static final byte NULL = 'N';
    static final byte TRUE = 'T';
    static final byte FALSE = 'F';
    static final byte LONG = 'I';
    static final byte DOUBLE = 'D';
    static final byte STRING = 'S';
    static final byte TUPLE = 'U';
    static final byte LIST = 'L';
    static final byte MAP = 'M';
    /**
     * A list of 64-bit integers only, packed little-endian (the byte order of the machines Weir runs on, so Python's
     * array needs no swap): the common bundle of numbers crosses without a tag per value.
     */
    static final byte LONGS = 'A';
    /** A row: its kind's byte, its arity, 1 and the field names for a name-based row (else 0), then its fields. */
    static final byte ROW = 'W';
    static final byte BYTES = 'B';

    private ValueCodec() {
    }

    static void write(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Keyed keyed) {
            // A keyed record that left its keyed operator unchanged (a window's late data): Python sees the record.
            value = keyed.value();
        }
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeByte(LONG);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte(STRING);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof Tuple t) {
            out.writeByte(TUPLE);
            out.writeInt(t.getArity());
            for (int i = 0; i < t.getArity(); i++) {
                write(out, t.getField(i));
            }
        } else if (value instanceof List<?> list && allLongs(list)) {
            out.writeByte(LONGS);
            out.writeInt(list.size());
            for (int i = 0, n = list.size(); i < n; i++) {
                out.writeLong(Long.reverseBytes((Long) list.get(i)));
            }
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (value instanceof Row row) {
            writeRow(out, row);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else {
            throw new IllegalArgumentException("Weir cannot pass a " + value.getClass().getName() + " (" + value
                    + ") to Python: only None, bool, int, float, str, bytes, tuple, list, dict and Row values cross "
                    + "between the JVM and Python");
        }
    }

    private static void writeRow(DataOutputStream out, Row row) throws IOException {
        out.writeByte(ROW);
        out.writeByte(row.getKind().toByteValue());
        java.util.Set<String> names = row.getFieldNames(false);
        out.writeInt(names == null ? row.getArity() : names.size());
        if (names == null) {
            out.writeByte(0);
            for (int i = 0; i < row.getArity(); i++) {
                write(out, row.getField(i));
            }
            return;
        }
        out.writeByte(1);
        for (String name : names) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        for (String name : names) {
            write(out, row.getField(name));
        }
    }

    private static Row readRow(DataInputStream in) throws IOException {
        RowKind kind = RowKind.fromByteValue(in.readByte());
        int arity = in.readInt();
        if (in.readByte() == 0) {
            Row row = Row.withPositions(kind, arity);
            for (int i = 0; i < arity; i++) {
                row.setField(i, read(in));
            }
            return row;
        }
        String[] names = new String[arity];
        for (int i = 0; i < arity; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            names[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        Row row = Row.withNames(kind);
        for (String name : names) {
            row.setField(name, read(in));
        }
        return row;
    }

    static boolean allLongs(List<?> list) {
        int n = list.size();
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Long)) {
                return false;
            }
        }
        return n > 0;
    }

    static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case STRING: {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case TUPLE: {
                int arity = in.readInt();
                if (arity > Tuple.MAX_ARITY) {
                    throw new IOException("a Python tuple of " + arity + " fields is longer than Weir's longest tuple ("
                            + Tuple.MAX_ARITY + "); use a list or a dict for wider records");
                }
                Tuple t = Tuple.newInstance(arity);
                for (int i = 0; i < arity; i++) {
                    t.setField(read(in), i);
                }
                return t;
            }
            case LIST: {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case LONGS: {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(Long.reverseBytes(in.readLong()));
                }
                return list;
            }
            case MAP: {
                int size = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                return map;
            }
            case ROW:
                return readRow(in);
            case BYTES: {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return bytes;
            }
            default:
                throw new IOException("unknown value tag '" + (char) tag + "' from Python: the weir Python package and "
                        + "the weir-python jar are of different versions");
        }
    }

    /** Decodes a whole byte array of consecutive values, as the plan carries {@code from_collection}'s elements. */
    static List<Object> readAll(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        List<Object> values = new ArrayList<>();
        while (in.available() > 0) {
            values.add(read(in));
        }
        return values;
    }

    static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(new DataOutputStream(bytes), value);
        return bytes.toByteArray();
    }
}
