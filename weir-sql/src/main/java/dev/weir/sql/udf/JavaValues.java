package dev.weir.sql.udf;

import dev.weir.sql.types.EpochMillis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Converts SQL values in Weir's internal form to the Java types of a user-defined function's parameters, and its
 * results back: numbers are widened to the parameter's type, a TIMESTAMP's epoch milliseconds become a
 * {@link LocalDateTime} and a DATE's day number a {@link LocalDate}.
 */
public final class JavaValues {
    private JavaValues() {
    }

    /** {@code value} as an argument for a parameter of {@code type}. */
    public static Object toJava(Object value, Class<?> type) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            Number n = (Number) value;
            if (type == int.class || type == Integer.class) {
                return n.intValue();
            }
            if (type == long.class || type == Long.class) {
                return n.longValue();
            }
            if (type == double.class || type == Double.class) {
                return n.doubleValue();
            }
            if (type == float.class || type == Float.class) {
                return n.floatValue();
            }
            if (type == short.class || type == Short.class) {
                return n.shortValue();
            }
            if (type == byte.class || type == Byte.class) {
                return n.byteValue();
            }
            if (type == BigDecimal.class && !(value instanceof BigDecimal)) {
                return BigDecimal.valueOf(n.longValue());
            }
            if (type == LocalDateTime.class) {
                return EpochMillis.utc(n.longValue());
            }
            if (type == LocalDate.class) {
                return LocalDate.ofEpochDay(n.longValue());
            }
        }
        return value;
    }

    /** A function's result in internal form. */
    public static Object toInternal(Object value) {
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof LocalDate) {
            return (int) ((LocalDate) value).toEpochDay();
        }
        return value;
    }
}
