package dev.weir.sql.expr;

import dev.weir.sql.types.EpochMillis;
import dev.weir.types.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CAST between SQL types with Flink's results: numbers to strings as Java prints them, booleans as {@code TRUE} and
 * {@code FALSE}, timestamps as {@code yyyy-MM-dd HH:mm:ss} plus as many fraction digits as the precision, strings
 * parsed (a string that is not a valid value fails the job, as Flink's CAST does; {@link TryCast} gives NULL instead),
 * and TIMESTAMP to and from TIMESTAMP_LTZ through the session time zone.
 */
final class Cast extends Expr {
    private static final long serialVersionUID = 1L;

    private final Expr operand;
    private final SqlTypeName from;
    private final int fromPrecision;
    private final SqlTypeName to;
    private final int toPrecision;
    private final int toScale;
    private final ZoneId zone;

    Cast(Expr operand, RelDataType from, RelDataType to, ZoneId zone) {
        this.operand = operand;
        this.from = from.getSqlTypeName();
        this.fromPrecision = from.getPrecision();
        this.to = to.getSqlTypeName();
        this.toPrecision = to.getPrecision();
        this.toScale = to.getScale();
        this.zone = zone;
    }

    @Override
    public Object eval(Row row) {
        Object v = operand.eval(row);
        return v == null ? null : convert(v);
    }

    /** {@code v} (not null) as a value of the target type; for casts of elements, see {@link ElementCast}. */
    Object convert(Object v) {
        switch (to) {
            case CHAR:
            case VARCHAR:
                return toText(v);
            case BOOLEAN:
                return v instanceof Boolean ? v : v instanceof String ? parseBoolean((String) v) : ((Number) v).doubleValue() != 0;
            case TINYINT:
                return (byte) (v instanceof String ? parseIntegral((String) v, Byte.MIN_VALUE, Byte.MAX_VALUE) : integral(v));
            case SMALLINT:
                return (short) (v instanceof String ? parseIntegral((String) v, Short.MIN_VALUE, Short.MAX_VALUE) : integral(v));
            case INTEGER:
                return (int) (v instanceof String ? parseIntegral((String) v, Integer.MIN_VALUE, Integer.MAX_VALUE) : integral(v));
            case BIGINT:
                return v instanceof String ? parseIntegral((String) v, Long.MIN_VALUE, Long.MAX_VALUE) : integral(v);
            case FLOAT:
            case REAL:
                return v instanceof String ? Float.parseFloat(((String) v).trim()) : ((Number) v).floatValue();
            case DOUBLE:
                return v instanceof String ? Double.parseDouble(((String) v).trim()) : ((Number) v).doubleValue();
            case DECIMAL:
                return NumericKind.scaled(v instanceof String ? new BigDecimal(((String) v).trim()) : NumericKind.decimal(v), toScale);
            case TIMESTAMP:
                return toTimestamp(v);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                if (from == SqlTypeName.TIMESTAMP) {
                    return EpochMillis.fromLocal(EpochMillis.utc((Long) v), zone);
                }
                return truncate(v instanceof String ? parseTimestamp((String) v) : ((Number) v).longValue());
            case DATE:
                if (v instanceof String) {
                    return (int) LocalDate.parse(((String) v).trim()).toEpochDay();
                }
                if (from == SqlTypeName.TIMESTAMP) {
                    return (int) Math.floorDiv((Long) v, 86_400_000L);
                }
                return v;
            default:
                return v;
        }
    }

    private Object toTimestamp(Object v) {
        if (v instanceof String) {
            return truncate(parseTimestamp((String) v));
        }
        if (from == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            LocalDateTime local = EpochMillis.toLocal((Long) v, zone);
            return truncate(local.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        if (from == SqlTypeName.DATE) {
            return ((Integer) v) * 86_400_000L;
        }
        return truncate(((Number) v).longValue());
    }

    private long truncate(long millis) {
        return toPrecision >= 3 ? millis : millis - Math.floorMod(millis, toPrecision == 0 ? 1000L : toPrecision == 1 ? 100L : 10L);
    }

    /**
     * A string's integer as Flink's CAST reads it: trimmed, a fraction cut off ('1.5' is 1), a value outside the target
     * type's range an error (where a number's cast wraps around).
     */
    private static long parseIntegral(String text, long min, long max) {
        String s = text.trim();
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException notAnInteger) {
            try {
                value = new BigDecimal(s).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
            } catch (ArithmeticException | NumberFormatException notANumber) {
                throw new NumberFormatException("For input string: \"" + text + "\" (not a number of the target type)");
            }
        }
        if (value < min || value > max) {
            throw new NumberFormatException("For input string: \"" + text + "\" (out of the target type's range)");
        }
        return value;
    }

    // Flink's words for the booleans, in any case; any other text fails.
    private static Boolean parseBoolean(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "t":
            case "true":
            case "y":
            case "yes":
            case "1":
                return Boolean.TRUE;
            case "f":
            case "false":
            case "n":
            case "no":
            case "0":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("Cannot cast \"" + text + "\" to BOOLEAN");
        }
    }

    private long integral(Object v) {
        if (v instanceof String) {
            return Long.parseLong(((String) v).trim());
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        return ((Number) v).longValue();
    }

    private String toText(Object v) {
        switch (from) {
            case BOOLEAN:
                return (Boolean) v ? "TRUE" : "FALSE";
            case TIMESTAMP:
                return Temporal.formatTimestamp((Long) v, fromPrecision);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                LocalDateTime local = EpochMillis.toLocal((Long) v, zone);
                return Temporal.formatTimestamp(local.toInstant(ZoneOffset.UTC).toEpochMilli(), fromPrecision);
            }
            case DATE:
                return LocalDate.ofEpochDay((Integer) v).toString();
            case DECIMAL:
                return ((BigDecimal) v).toPlainString();
            default:
                return v.toString();
        }
    }

    static long parseTimestamp(String text) {
        String s = text.trim().replace('T', ' ');
        if (s.length() == 10) {
            s = s + " 00:00:00";
        }
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
