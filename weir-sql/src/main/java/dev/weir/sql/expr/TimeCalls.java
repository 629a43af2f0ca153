package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's time functions beyond {@link Temporal}: the current time (CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP,
 * CURRENT_DATE, CURRENT_TIME, read per row, as Flink does in streaming mode; wall-clock values in the session zone),
 * TO_DATE(string [, format]) and CONVERT_TZ(string, from zone, to zone). NULL in gives NULL out; a string that does
 * not parse gives NULL, as in Flink.
 */
final class TimeCalls extends Expr {
    private static final long serialVersionUID = 1L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    enum Fn { NOW_LTZ, NOW_LOCAL, CURRENT_DATE, CURRENT_TIME, TO_DATE, CONVERT_TZ }

    private final Fn fn;
    private final Expr[] args;
    private final ZoneId zone;
    // DateTimeFormatter is not serializable: the literal pattern is kept and compiled once per task, lazily.
    private final String constantPattern;
    private transient DateTimeFormatter formatter;

    private TimeCalls(Fn fn, Expr[] args, ZoneId zone, String constantPattern) {
        this.fn = fn;
        this.args = args;
        this.zone = zone;
        this.constantPattern = constantPattern;
    }

    /** The call of the time function {@code name}, or null when {@code name} is not one. */
    static Expr of(String name, RelDataType type, Expr[] args, ZoneId zone, Object secondLiteral) {
        switch (name) {
            case "CURRENT_TIMESTAMP":
            case "NOW":
            case "LOCALTIMESTAMP":
                return new TimeCalls(type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE ? Fn.NOW_LTZ : Fn.NOW_LOCAL,
                        args, zone, null);
            case "CURRENT_DATE":
                return new TimeCalls(Fn.CURRENT_DATE, args, zone, null);
            case "CURRENT_TIME":
            case "LOCALTIME":
                return new TimeCalls(Fn.CURRENT_TIME, args, zone, null);
            case "TO_DATE":
                return new TimeCalls(Fn.TO_DATE, args, zone, secondLiteral instanceof String ? (String) secondLiteral : null);
            case "CONVERT_TZ":
                return new TimeCalls(Fn.CONVERT_TZ, args, zone, null);
            default:
                return null;
        }
    }

    @Override
    public Object eval(Row row) {
        switch (fn) {
            case NOW_LTZ:
                return System.currentTimeMillis();
            case NOW_LOCAL:
                return localMillis(System.currentTimeMillis());
            case CURRENT_DATE:
                return (int) Math.floorDiv(localMillis(System.currentTimeMillis()), MILLIS_PER_DAY);
            case CURRENT_TIME:
                return (int) Math.floorMod(localMillis(System.currentTimeMillis()), MILLIS_PER_DAY);
            default:
                break;
        }
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        Object b = null;
        if (args.length > 1 && (b = args[1].eval(row)) == null) {
            return null;
        }
        try {
            if (fn == Fn.TO_DATE) {
                LocalDate date = b == null ? LocalDate.parse(a.toString()) : LocalDate.parse(a.toString(), pattern(b.toString()));
                return (int) date.toEpochDay();
            }
            Object c = args[2].eval(row);
            if (c == null) {
                return null;
            }
            DateTimeFormatter format = DateTimeFormatter.ofPattern(Temporal.DEFAULT_PATTERN);
            LocalDateTime t = LocalDateTime.parse(a.toString(), format);
            return t.atZone(ZoneId.of(b.toString())).withZoneSameInstant(ZoneId.of(c.toString())).toLocalDateTime().format(format);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private DateTimeFormatter pattern(String pattern) {
        if (constantPattern == null) {
            return DateTimeFormatter.ofPattern(pattern);
        }
        if (formatter == null) {
            formatter = DateTimeFormatter.ofPattern(constantPattern);
        }
        return formatter;
    }

    // The session zone's wall clock at an instant, as the epoch millis of that wall clock read in UTC (TIMESTAMP's form).
    private long localMillis(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
