package dev.weir.sql.expr;

import dev.weir.sql.types.EpochMillis;
import dev.weir.types.Row;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Time arithmetic that is not a sum of milliseconds: a DATE, TIMESTAMP or TIMESTAMP_LTZ plus or minus a YEAR/MONTH
 * interval (calendar months, the day clamped to the month's last, as Flink's {@code TIMESTAMPADD(MONTH, ..)}), the
 * months between the dates of two times ({@code TIMESTAMPDIFF(MONTH, ..)}), and a DATE plus or minus a DAY-TIME interval (whole
 * days). A TIMESTAMP_LTZ moves on the wall clock of {@code table.local-time-zone}. NULL in gives NULL out.
 */
final class CalendarArithmetic extends Expr {
    private static final long serialVersionUID = 1L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private enum Fn { ADD_MONTHS, MONTHS_BETWEEN, ADD_DAYS }

    private final Fn fn;
    private final Expr time;
    private final Expr other;
    private final int sign;
    private final SqlTypeName timeType;
    private final ZoneId zone;

    private CalendarArithmetic(Fn fn, Expr time, Expr other, int sign, SqlTypeName timeType, ZoneId zone) {
        this.fn = fn;
        this.time = time;
        this.other = other;
        this.sign = sign;
        this.timeType = timeType;
        this.zone = zone;
    }

    /**
     * The calendar arithmetic of a {@code +} or {@code -} call, or null when it is plain arithmetic on internal units;
     * {@code compiler} compiles an operand.
     */
    static Expr of(boolean minus, RexCall call, Function<RexNode, Expr> compiler, ZoneId zone) {
        List<RexNode> o = call.getOperands();
        if (o.size() != 2) {
            return null;
        }
        SqlTypeName left = o.get(0).getType().getSqlTypeName();
        SqlTypeName right = o.get(1).getType().getSqlTypeName();
        if (minus && isTime(left) && isTime(right) && isYearMonth(call.getType().getSqlTypeName())) {
            return new CalendarArithmetic(Fn.MONTHS_BETWEEN, compiler.apply(o.get(0)), compiler.apply(o.get(1)), 1, left, zone);
        }
        int t = isTime(left) ? 0 : !minus && isTime(right) ? 1 : -1;
        if (t < 0) {
            return null;
        }
        SqlTypeName timeType = t == 0 ? left : right;
        SqlTypeName interval = t == 0 ? right : left;
        int sign = minus ? -1 : 1;
        if (isYearMonth(interval)) {
            return new CalendarArithmetic(Fn.ADD_MONTHS, compiler.apply(o.get(t)), compiler.apply(o.get(1 - t)), sign, timeType, zone);
        }
        if (timeType == SqlTypeName.DATE && SqlTypeName.INTERVAL_TYPES.contains(interval)) {
            return new CalendarArithmetic(Fn.ADD_DAYS, compiler.apply(o.get(t)), compiler.apply(o.get(1 - t)), sign, timeType, zone);
        }
        return null;
    }

    private static boolean isTime(SqlTypeName t) {
        return t == SqlTypeName.DATE || t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static boolean isYearMonth(SqlTypeName t) {
        return t == SqlTypeName.INTERVAL_YEAR || t == SqlTypeName.INTERVAL_YEAR_MONTH || t == SqlTypeName.INTERVAL_MONTH;
    }

    @Override
    public Object eval(Row row) {
        Object a = time.eval(row);
        if (a == null) {
            return null;
        }
        Object b = other.eval(row);
        if (b == null) {
            return null;
        }
        switch (fn) {
            case ADD_DAYS:
                return (int) (((Number) a).intValue() + sign * Math.floorDiv(((Number) b).longValue(), MILLIS_PER_DAY));
            case ADD_MONTHS:
                return fromLocal(toLocal(((Number) a).longValue()).plusMonths(sign * ((Number) b).longValue()));
            default:
                return monthsBetween(toLocal(((Number) a).longValue()), toLocal(((Number) b).longValue()));
        }
    }

    // later - earlier in whole months of their dates (the time of day is not counted, as in Flink's TIMESTAMPDIFF): the
    // most months that, added to earlier's date, do not pass later's.
    private static int monthsBetween(LocalDateTime laterTime, LocalDateTime earlierTime) {
        java.time.LocalDate later = laterTime.toLocalDate();
        java.time.LocalDate earlier = earlierTime.toLocalDate();
        if (later.isBefore(earlier)) {
            return -monthsBetween(earlierTime, laterTime);
        }
        int m = (later.getYear() * 12 + later.getMonthValue()) - (earlier.getYear() * 12 + earlier.getMonthValue());
        while (m > 0 && earlier.plusMonths(m).isAfter(later)) {
            m--;
        }
        return m;
    }

    private LocalDateTime toLocal(long v) {
        switch (timeType) {
            case DATE:
                return LocalDateTime.ofEpochSecond(v * 86_400L, 0, ZoneOffset.UTC);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return EpochMillis.toLocal(v, zone);
            default:
                return EpochMillis.utc(v);
        }
    }

    private Object fromLocal(LocalDateTime t) {
        switch (timeType) {
            case DATE:
                return (int) t.toLocalDate().toEpochDay();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return EpochMillis.fromLocal(t, zone);
            default:
                return t.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }
}
