package dev.weir.sql.expr;

import dev.weir.sql.types.EpochMillis;
import dev.weir.types.Row;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * Flink's time functions over internal timestamps (epoch milliseconds): EXTRACT, FLOOR/CEIL to a unit,
 * TO_TIMESTAMP_LTZ, TO_TIMESTAMP, UNIX_TIMESTAMP, FROM_UNIXTIME and DATE_FORMAT. Patterns are Java's
 * {@link DateTimeFormatter} patterns, as Flink's are.
 */
final class Temporal extends Expr {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    enum Fn { EXTRACT, FLOOR, CEIL, TO_TIMESTAMP_LTZ, TO_TIMESTAMP, UNIX_TIMESTAMP, FROM_UNIXTIME, DATE_FORMAT }

    private final Fn fn;
    private final Expr[] args;
    private final TimeUnitRange unit;
    private final ZoneId zone;
    private final boolean localZoneInput;
    private final DateTimePatterns patterns = new DateTimePatterns();

    Temporal(Fn fn, Expr[] args, TimeUnitRange unit, ZoneId zone, boolean localZoneInput) {
        this.fn = fn;
        this.args = args;
        this.unit = unit;
        this.zone = zone;
        this.localZoneInput = localZoneInput;
    }

    @Override
    public Object eval(Row row) {
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        Object b = args.length > 1 ? args[1].eval(row) : null;
        if (args.length > 1 && b == null) {
            return null;
        }
        switch (fn) {
            case EXTRACT: {
                LocalDateTime t = local(((Number) a).longValue());
                switch (unit) {
                    case YEAR:
                        return (long) t.getYear();
                    case QUARTER:
                        return (long) ((t.getMonthValue() - 1) / 3 + 1);
                    case MONTH:
                        return (long) t.getMonthValue();
                    case WEEK:
                        return (long) t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    case DAY:
                        return (long) t.getDayOfMonth();
                    case DOW:
                        return (long) (t.getDayOfWeek().getValue() % 7 + 1);
                    case DOY:
                        return (long) t.getDayOfYear();
                    case HOUR:
                        return (long) t.getHour();
                    case MINUTE:
                        return (long) t.getMinute();
                    case SECOND:
                        return (long) t.getSecond();
                    default:
                        throw new UnsupportedOperationException("EXTRACT(" + unit + ") is not supported yet");
                }
            }
            case FLOOR:
            case CEIL:
                return roundTo(((Number) a).longValue(), fn == Fn.CEIL);
            case TO_TIMESTAMP_LTZ: {
                int precision = ((Number) b).intValue();
                if (a instanceof java.math.BigDecimal || a instanceof Double || a instanceof Float) {
                    double d = ((Number) a).doubleValue();
                    return precision == 0 ? (long) (d * 1000) : (long) d;
                }
                long v = ((Number) a).longValue();
                return precision == 0 ? v * 1000 : v;
            }
            case TO_TIMESTAMP:
                return b == null ? Cast.parseTimestamp((String) a)
                        : LocalDateTime.parse((String) a, patterns.of((String) b)).toInstant(ZoneOffset.UTC).toEpochMilli();
            case UNIX_TIMESTAMP: {
                DateTimeFormatter format = b == null ? DateTimePatterns.DEFAULT : patterns.of((String) b);
                return Math.floorDiv(EpochMillis.fromLocal(LocalDateTime.parse((String) a, format), zone), 1000L);
            }
            case FROM_UNIXTIME: {
                DateTimeFormatter format = b == null ? DateTimePatterns.DEFAULT : patterns.of((String) b);
                return EpochMillis.toLocal(((Number) a).longValue() * 1000L, zone).format(format);
            }
            default: {
                LocalDateTime t = a instanceof String ? EpochMillis.utc(Cast.parseTimestamp((String) a)) : local(((Number) a).longValue());
                return t.format(patterns.of((String) b));
            }
        }
    }

    private LocalDateTime local(long millis) {
        return localZoneInput ? EpochMillis.toLocal(millis, zone) : EpochMillis.utc(millis);
    }

    private long roundTo(long millis, boolean up) {
        long unitMillis;
        switch (unit) {
            case SECOND:
                unitMillis = 1000L;
                break;
            case MINUTE:
                unitMillis = 60_000L;
                break;
            case HOUR:
                unitMillis = 3_600_000L;
                break;
            case DAY:
                unitMillis = 86_400_000L;
                break;
            default:
                throw new UnsupportedOperationException("FLOOR/CEIL to " + unit + " is not supported yet; use SECOND, MINUTE, HOUR or DAY");
        }
        long floor = millis - Math.floorMod(millis, unitMillis);
        return up && floor != millis ? floor + unitMillis : floor;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} and {@code precision} fraction digits, as Flink prints a TIMESTAMP(precision). */
    static String formatTimestamp(long millis, int precision) {
        LocalDateTime t = EpochMillis.utc(millis);
        String base = t.format(DateTimePatterns.DEFAULT);
        if (precision <= 0) {
            return base;
        }
        String fraction = String.format("%09d", t.getNano());
        return base + "." + fraction.substring(0, Math.min(precision, 9));
    }
}
