package dev.weir.sql.expr;

import dev.weir.sql.types.EpochMillis;
import dev.weir.types.Row;
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
 * CURRENT_DATE, CURRENT_TIME, CURRENT_ROW_TIMESTAMP(), read per row, as Flink does in streaming mode; wall-clock values in the session zone),
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
    private final DateTimePatterns patterns = new DateTimePatterns();

    private TimeCalls(Fn fn, Expr[] args, ZoneId zone) {
        this.fn = fn;
        this.args = args;
        this.zone = zone;
    }

    /** The call of the time function {@code name}, or null when {@code name} is not one. */
    static Expr of(String name, RelDataType type, Expr[] args, ZoneId zone) {
        switch (name) {
            case "CURRENT_TIMESTAMP":
            case "NOW":
            case "CURRENT_ROW_TIMESTAMP":
            case "LOCALTIMESTAMP":
                return new TimeCalls(type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE ? Fn.NOW_LTZ : Fn.NOW_LOCAL,
                        args, zone);
            case "CURRENT_DATE":
                return new TimeCalls(Fn.CURRENT_DATE, args, zone);
            case "CURRENT_TIME":
            case "LOCALTIME":
                return new TimeCalls(Fn.CURRENT_TIME, args, zone);
            case "TO_DATE":
                return new TimeCalls(Fn.TO_DATE, args, zone);
            case "CONVERT_TZ":
                return new TimeCalls(Fn.CONVERT_TZ, args, zone);
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
                LocalDate date = b == null ? LocalDate.parse(a.toString()) : LocalDate.parse(a.toString(), patterns.of(b.toString()));
                return (int) date.toEpochDay();
            }
            Object c = args[2].eval(row);
            if (c == null) {
                return null;
            }
            DateTimeFormatter format = DateTimePatterns.DEFAULT;
            LocalDateTime t = LocalDateTime.parse(a.toString(), format);
            return t.atZone(ZoneId.of(b.toString())).withZoneSameInstant(ZoneId.of(c.toString())).toLocalDateTime().format(format);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // The session zone's wall clock at an instant, as the epoch millis of that wall clock read in UTC (TIMESTAMP's form).
    private long localMillis(long epochMillis) {
        return EpochMillis.toLocal(epochMillis, zone).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
