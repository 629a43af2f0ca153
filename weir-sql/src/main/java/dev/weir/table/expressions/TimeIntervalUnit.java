package dev.weir.table.expressions;

/** The units of {@code extract}, {@code floor} and {@code ceil} on temporal values, as in Flink. */
public enum TimeIntervalUnit {
    YEAR, YEAR_TO_MONTH, QUARTER, MONTH, WEEK, DAY, DAY_TO_HOUR, DAY_TO_MINUTE, DAY_TO_SECOND, HOUR, HOUR_TO_MINUTE,
    HOUR_TO_SECOND, MINUTE, MINUTE_TO_SECOND, SECOND, MILLISECOND, MICROSECOND, NANOSECOND, EPOCH
}
