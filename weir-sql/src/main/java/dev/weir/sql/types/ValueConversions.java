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
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts field values between Weir SQL's internal form and the Java objects users see. Inside a SQL job a
 * TIMESTAMP or TIMESTAMP_LTZ is a {@code Long} of epoch milliseconds (a TIMESTAMP counts its wall-clock fields as if
 * in UTC), a DATE an {@code Integer} of days since 1970-01-01, a TIME an {@code Integer} of milliseconds of the day;
 * users see {@link LocalDateTime}, {@link Instant}, {@link LocalDate} and {@link LocalTime}, as in Flink. A MAP is an
 * ordered map inside and a {@code HashMap} outside, as Flink hands it out. Every other type is the same object inside
 * and out.
 */
public final class ValueConversions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SqlTypeName[] types;
    private final boolean identity;

    public ValueConversions(List<SqlTypeName> types) {
        this.types = types.toArray(new SqlTypeName[0]);
        boolean allSame = true;
        for (SqlTypeName t : this.types) {
            allSame &= !changesForm(t);
        }
        this.identity = allSame;
    }

    private static boolean changesForm(SqlTypeName t) {
        return t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE || t == SqlTypeName.DATE
                || t == SqlTypeName.TIME || t == SqlTypeName.MAP;
    }

    /** The external form of an internal row, in place. */
    public Row toExternal(Row row) {
        if (!identity) {
            for (int i = 0; i < types.length; i++) {
                row.setField(i, toExternal(row.getField(i), types[i]));
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
}
