package dev.weir.sql.types;

import dev.weir.types.Row;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts field values between Weir SQL's internal form and the Java objects users see. Inside a SQL job a
 * TIMESTAMP or TIMESTAMP_LTZ is a {@code Long} of epoch milliseconds (a TIMESTAMP counts its wall-clock fields as if
 * in UTC), a DATE an {@code Integer} of days since 1970-01-01, a TIME an {@code Integer} of milliseconds of the day;
 * users see {@link LocalDateTime}, {@link Instant}, {@link LocalDate} and {@link LocalTime}, as in Flink. A MAP is an
 * ordered map inside and a {@code HashMap} outside, as Flink hands it out. Values nested in an ARRAY, a MAP or a ROW
 * convert as they do at the top level ({@code ARRAY[ts]} gives a {@code LocalDateTime} element), as in Flink. Every
 * other type is the same object inside and out.
 */
public final class ValueConversions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SqlTypeName[] types;
    /** Per column, how a nested value converts; null for a column whose values keep their form inside. */
    private final NestedForm[] nested;
    private final boolean identity;

    /** The conversions of columns of {@code types}, nested values (an ARRAY's elements, a MAP's, a ROW's fields) too. */
    public static ValueConversions of(List<RelDataType> types) {
        SqlTypeName[] names = new SqlTypeName[types.size()];
        NestedForm[] nested = new NestedForm[names.length];
        boolean identity = true;
        for (int i = 0; i < names.length; i++) {
            names[i] = types.get(i).getSqlTypeName();
            nested[i] = NestedForm.of(types.get(i));
            identity &= !changesForm(names[i]) && nested[i] == null;
        }
        return new ValueConversions(names, nested, identity);
    }

    private ValueConversions(SqlTypeName[] types, NestedForm[] nested, boolean identity) {
        this.types = types;
        this.nested = nested;
        this.identity = identity;
    }

    private static boolean changesForm(SqlTypeName t) {
        return t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE || t == SqlTypeName.DATE
                || t == SqlTypeName.TIME || t == SqlTypeName.MAP;
    }

    /** The external form of an internal row, in place. */
    public Row toExternal(Row row) {
        if (!identity) {
            for (int i = 0; i < types.length; i++) {
                Object value = row.getField(i);
                row.setField(i, nested[i] != null ? nested[i].toExternal(value) : toExternal(value, types[i]));
            }
        }
        return row;
    }

    /** The internal form of an external row, in place. */
    public Row toInternal(Row row) {
        if (!identity) {
            for (int i = 0; i < types.length; i++) {
                row.setField(i, toInternal(row.getField(i), types[i]));
            }
        }
        return row;
    }

    public static Object toExternal(Object value, SqlTypeName type) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TIMESTAMP:
                return EpochMillis.utc((Long) value);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Instant.ofEpochMilli((Long) value);
            case DATE:
                return LocalDate.ofEpochDay((Integer) value);
            case TIME:
                return LocalTime.ofNanoOfDay((Integer) value * 1_000_000L);
            case MAP: {
                // A HashMap filled in the map's order, as Flink's MAP conversion hands it out (and prints it).
                Map<Object, Object> map = new HashMap<>();
                map.putAll((Map<?, ?>) value);
                return map;
            }
            default:
                return value;
        }
    }

    public static Object toInternal(Object value, SqlTypeName type) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TIMESTAMP:
                if (value instanceof LocalDateTime) {
                    return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                if (value instanceof java.sql.Timestamp) {
                    return ((java.sql.Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                return value;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return value instanceof Instant ? ((Instant) value).toEpochMilli() : value;
            case DATE:
                return value instanceof LocalDate ? (int) ((LocalDate) value).toEpochDay() : value;
            case TIME:
                return value instanceof LocalTime ? (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L) : value;
            default:
                return value;
        }
    }

    /** How a value of a collection or ROW type converts: its own form and its elements', keys', values' or fields'. */
    private static final class NestedForm implements Serializable {
        private static final long serialVersionUID = 1L;

        private final SqlTypeName type;
        private final NestedForm element; // an ARRAY's elements, a MAP's keys, null when they keep their form
        private final NestedForm value; // a MAP's values
        private final SqlTypeName elementType;
        private final SqlTypeName valueType;
        private final NestedForm[] fields; // a ROW's
        private final SqlTypeName[] fieldTypes;

        private NestedForm(SqlTypeName type, NestedForm element, SqlTypeName elementType, NestedForm value,
                SqlTypeName valueType, NestedForm[] fields, SqlTypeName[] fieldTypes) {
            this.type = type;
            this.element = element;
            this.elementType = elementType;
            this.value = value;
            this.valueType = valueType;
            this.fields = fields;
            this.fieldTypes = fieldTypes;
        }

        /** The form of a collection or ROW type whose values change form going out, or null when they do not. */
        static NestedForm of(RelDataType type) {
            switch (type.getSqlTypeName()) {
                case ARRAY: {
                    RelDataType e = type.getComponentType();
                    NestedForm element = of(e);
                    return element == null && !changesForm(e.getSqlTypeName()) ? null
                            : new NestedForm(SqlTypeName.ARRAY, element, e.getSqlTypeName(), null, null, null, null);
                }
                case MAP:
                    // A MAP changes form itself (HashMap), whatever its keys and values.
                    return new NestedForm(SqlTypeName.MAP, of(type.getKeyType()), type.getKeyType().getSqlTypeName(),
                            of(type.getValueType()), type.getValueType().getSqlTypeName(), null, null);
                case ROW: {
                    int n = type.getFieldCount();
                    NestedForm[] fields = new NestedForm[n];
                    SqlTypeName[] fieldTypes = new SqlTypeName[n];
                    boolean changes = false;
                    for (int i = 0; i < n; i++) {
                        RelDataType f = type.getFieldList().get(i).getType();
                        fields[i] = of(f);
                        fieldTypes[i] = f.getSqlTypeName();
                        changes |= fields[i] != null || changesForm(fieldTypes[i]);
                    }
                    return changes ? new NestedForm(SqlTypeName.ROW, null, null, null, null, fields, fieldTypes) : null;
                }
                default:
                    return null;
            }
        }

        Object toExternal(Object v) {
            if (v == null) {
                return null;
            }
            switch (type) {
                case ARRAY: {
                    Object[] in = (Object[]) v;
                    Object[] out = new Object[in.length];
                    for (int i = 0; i < in.length; i++) {
                        out[i] = convert(in[i], element, elementType);
                    }
                    return out;
                }
                case MAP: {
                    // A HashMap filled in the map's order, as Flink's MAP conversion hands it out (and prints it).
                    Map<Object, Object> out = new HashMap<>();
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                        out.put(convert(e.getKey(), element, elementType), convert(e.getValue(), value, valueType));
                    }
                    return out;
                }
                default: {
                    // A new row: the internal one may be shared with another sink.
                    Row out = Row.copy((Row) v);
                    for (int i = 0; i < fields.length && i < out.getArity(); i++) {
                        out.setField(i, convert(out.getField(i), fields[i], fieldTypes[i]));
                    }
                    return out;
                }
            }
        }

        private static Object convert(Object v, NestedForm form, SqlTypeName type) {
            return form != null ? form.toExternal(v) : ValueConversions.toExternal(v, type);
        }
    }
}
