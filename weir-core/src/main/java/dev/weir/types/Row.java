package dev.weir.types;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A row of a table, as in Flink: a fixed number of fields of any type (null allowed), accessed by position or, for a
 * row made with {@link #withNames()}, by name, plus the {@link RowKind} of change it describes.
 *
 * <p>{@link #toString()} is Flink's: the kind's short string and the fields, {@code +I[a, 1]}, or
 * {@code +I{name=a, count=1}} for a row in name-based mode. Two rows are equal when their kinds and fields are
 * equal (arrays compared deeply).
 */
public final class Row implements Serializable {
    private static final long serialVersionUID = 1L;

    private RowKind kind;
    private final Object[] fieldByPosition;
    /**
     * In name-based mode ({@code fieldByPosition} null), the fields by name. In a row with named positions, which the
     * framework makes (a query's result, {@code toDataStream}), each field's {@code Integer} position by name, one map
     * shared by all rows of the result (Flink's hybrid mode). Null for a plain position-based row. One field for both
     * keeps a Row at 24 bytes: SQL jobs make one per record.
     */
    private final Map<String, Object> names;

    Row(RowKind kind, Object[] fieldByPosition, Map<String, Object> names) {
        this.kind = kind;
        this.fieldByPosition = fieldByPosition;
        this.names = names;
    }

    /** A row of {@code arity} null fields, of kind {@link RowKind#INSERT}. */
    public Row(int arity) {
        this(RowKind.INSERT, arity);
    }

    /** A row of {@code arity} null fields, of kind {@code kind}. */
    public Row(RowKind kind, int arity) {
        this(Objects.requireNonNull(kind, "kind"), new Object[arity], null);
    }

    /** An {@link RowKind#INSERT} row of the given values, in position-based mode. */
    public static Row of(Object... values) {
        return new Row(RowKind.INSERT, values.clone(), null);
    }

    /** A row of the given kind and values, in position-based mode. */
    public static Row ofKind(RowKind kind, Object... values) {
        return new Row(Objects.requireNonNull(kind, "kind"), values.clone(), null);
    }

    /** A row of {@code arity} null fields in position-based mode. */
    public static Row withPositions(int arity) {
        return new Row(RowKind.INSERT, new Object[arity], null);
    }

    /** A row of the given kind with {@code arity} null fields in position-based mode. */
    public static Row withPositions(RowKind kind, int arity) {
        return new Row(Objects.requireNonNull(kind, "kind"), new Object[arity], null);
    }

    /** An empty row in name-based mode: fields are set and read by name, in insertion order. */
    public static Row withNames() {
        return new Row(RowKind.INSERT, null, new LinkedHashMap<>());
    }

    /** An empty row of the given kind in name-based mode. */
    public static Row withNames(RowKind kind) {
        return new Row(Objects.requireNonNull(kind, "kind"), null, new LinkedHashMap<>());
    }

    /** A copy whose fields are the same objects (a shallow copy), in the same field mode. */
    public static Row copy(Row row) {
        return row.fieldByPosition == null ? new Row(row.kind, null, new LinkedHashMap<>(row.names))
                : new Row(row.kind, row.fieldByPosition.clone(), row.names);
    }

    /** A name-based row of {@code row}'s fields named {@code fieldNames}, of {@code row}'s kind. */
    public static Row project(Row row, String[] fieldNames) {
        Row projected = withNames(row.kind);
        for (String name : fieldNames) {
            projected.setField(name, row.getField(name));
        }
        return projected;
    }

    /** A position-based row of {@code row}'s fields at {@code fields}, of {@code row}'s kind. */
    public static Row project(Row row, int[] fields) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = row.getField(fields[i]);
        }
        return new Row(row.kind, values, null);
    }

    /** A position-based row of the fields of {@code first} followed by those of {@code remainings}, of {@code first}'s kind. */
    public static Row join(Row first, Row... remainings) {
        int arity = first.getArity();
        for (Row r : remainings) {
            arity += r.getArity();
        }
        Object[] values = new Object[arity];
        int at = 0;
        for (Row r : concat(first, remainings)) {
            for (int i = 0; i < r.getArity(); i++) {
                values[at++] = r.getField(i);
            }
        }
        return new Row(first.kind, values, null);
    }

    private static Row[] concat(Row first, Row[] rest) {
        Row[] all = new Row[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    public RowKind getKind() {
        return kind;
    }

    public void setKind(RowKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The number of fields. */
    public int getArity() {
        return fieldByPosition != null ? fieldByPosition.length : names.size();
    }

    /** The field at {@code pos}; only for a position-based row. */
    public Object getField(int pos) {
        if (fieldByPosition == null) {
            throw new IllegalArgumentException("Accessing a field by position (" + pos + ") is not supported in name-based "
                    + "field mode; read it by name, or build the row with Row.of/withPositions");
        }
        return fieldByPosition[pos];
    }

    /** The field named {@code name}: of a name-based row, or of a row with named positions (a query's result). */
    public Object getField(String name) {
        if (fieldByPosition != null && names != null) {
            return fieldByPosition[position(name)];
        }
        if (fieldByPosition != null) {
            throw new IllegalArgumentException("Accessing a field by name ('" + name + "') is not supported in position-based "
                    + "field mode; read it by position, or build the row with Row.withNames()");
        }
        return names.get(name);
    }

    /** The field at {@code pos}, cast to the caller's type. */
    @SuppressWarnings("unchecked")
    public <T> T getFieldAs(int pos) {
        return (T) getField(pos);
    }

    /** The field named {@code name}, cast to the caller's type. */
    @SuppressWarnings("unchecked")
    public <T> T getFieldAs(String name) {
        return (T) getField(name);
    }

    public void setField(int pos, Object value) {
        if (fieldByPosition == null) {
            throw new IllegalArgumentException("Setting a field by position (" + pos + ") is not supported in name-based field mode");
        }
        fieldByPosition[pos] = value;
    }

    public void setField(String name, Object value) {
        if (fieldByPosition != null && names != null) {
            fieldByPosition[position(name)] = value;
            return;
        }
        if (fieldByPosition != null) {
            throw new IllegalArgumentException("Setting a field by name ('" + name + "') is not supported in position-based field mode");
        }
        names.put(name, value);
    }

    /**
     * The field names of a name-based row, in insertion order; with {@code includeNamedPositions}, those of a row with
     * named positions in column order; otherwise null.
     */
    public Set<String> getFieldNames(boolean includeNamedPositions) {
        if (fieldByPosition == null) {
            return names.keySet();
        }
        return includeNamedPositions && names != null ? names.keySet() : null;
    }

    private int position(String name) {
        Integer pos = (Integer) names.get(name);
        if (pos == null) {
            throw new IllegalArgumentException("Unknown field name '" + name + "' for mapping to a row position. Available "
                    + "names are: " + names.keySet());
        }
        return pos;
    }

    /** Sets every field to null. */
    public void clear() {
        if (fieldByPosition != null) {
            Arrays.fill(fieldByPosition, null);
        } else {
            names.clear();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row)) {
            return false;
        }
        Row other = (Row) o;
        if (kind != other.kind) {
            return false;
        }
        if (fieldByPosition != null && other.fieldByPosition != null) {
            return Arrays.deepEquals(fieldByPosition, other.fieldByPosition);
        }
        if (fieldByPosition == null && other.fieldByPosition == null) {
            return Arrays.deepEquals(names.keySet().toArray(), other.names.keySet().toArray())
                    && Arrays.deepEquals(names.values().toArray(), other.names.values().toArray());
        }
        return false;
    }

    @Override
    public int hashCode() {
        // The ordinal, not the enum's identity hash: keys hash the same in every JVM, so key groups survive a restore.
        int h = kind.ordinal();
        return 31 * h + (fieldByPosition != null ? fieldsHashCode(fieldByPosition)
                : Arrays.deepHashCode(names.values().toArray()));
    }

    /**
     * {@link Arrays#deepHashCode} of the fields, to the same value (key groups depend on it), with a field that is no
     * array hashed directly: this runs several times per record on every keyed SQL operator, and deepHashCode asks
     * each field for its class's component type first.
     */
    private static int fieldsHashCode(Object[] fields) {
        int h = 1;
        for (Object field : fields) {
            int fieldHash;
            if (field == null) {
                fieldHash = 0;
            } else if (!field.getClass().isArray()) {
                fieldHash = field.hashCode();
            } else {
                // An array field, rare: deepHashCode of a one-element array is 31 + the element's deep hash.
                fieldHash = Arrays.deepHashCode(new Object[] {field}) - 31;
            }
            h = 31 * h + fieldHash;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.shortString());
        if (fieldByPosition != null) {
            sb.append('[');
            for (int i = 0; i < fieldByPosition.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(fieldToString(fieldByPosition[i]));
            }
            return sb.append(']').toString();
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : names.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(fieldToString(e.getValue()));
        }
        return sb.append('}').toString();
    }

    /** Arrays print their elements, as Flink's {@code arrayAwareToString}; everything else its own toString. */
    static String fieldToString(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Object[]) {
            return Arrays.deepToString((Object[]) value);
        }
        if (value instanceof byte[]) {
            return Arrays.toString((byte[]) value);
        }
        if (value instanceof int[]) {
            return Arrays.toString((int[]) value);
        }
        if (value instanceof long[]) {
            return Arrays.toString((long[]) value);
        }
        if (value instanceof double[]) {
            return Arrays.toString((double[]) value);
        }
        return value.toString();
    }
}
