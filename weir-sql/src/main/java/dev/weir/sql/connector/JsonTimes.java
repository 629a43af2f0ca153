package dev.weir.sql.connector;

import dev.weir.sql.types.EpochMillis;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The texts of DATE, TIME, TIMESTAMP and TIMESTAMP_LTZ in Flink's json format: {@code json.timestamp-format.standard}
 * 'SQL' writes {@code 2020-12-30 12:13:14.123} ({@code ...Z} for a TIMESTAMP_LTZ), 'ISO-8601' writes
 * {@code 2020-12-30T12:13:14.123} ({@code ...Z}); the fraction has as many digits as it needs (none for whole seconds),
 * and a TIME is written in whole seconds. Reading is strict: a text in the other standard does not parse, as in Flink.
 */
final class JsonTimes {
    private static final DateTimeFormatter SQL_TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
    private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ').append(SQL_TIME).toFormatter();
    private static final DateTimeFormatter SQL_TIMESTAMP_LTZ = new DateTimeFormatterBuilder().append(SQL_TIMESTAMP)
            .appendLiteral('Z').toFormatter();
    private static final DateTimeFormatter ISO_TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final DateTimeFormatter ISO_TIMESTAMP_LTZ = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).appendLiteral('Z').toFormatter();

    private JsonTimes() {
    }

    static String date(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    static int parseDate(String text) {
        return (int) LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
    }

    static String time(int millisOfDay) {
        return SQL_TIME.format(LocalTime.ofSecondOfDay(millisOfDay / 1000));
    }

    static int parseTime(String text) {
        return (int) (LocalTime.from(SQL_TIME.parse(text)).toNanoOfDay() / 1_000_000L);
    }

    /** A TIMESTAMP ({@code ltz} false) or TIMESTAMP_LTZ of epoch milliseconds, in the standard's form. */
    static String timestamp(long millis, boolean ltz, boolean iso) {
        LocalDateTime t = EpochMillis.utc(millis);
        return (iso ? (ltz ? ISO_TIMESTAMP_LTZ : ISO_TIMESTAMP) : (ltz ? SQL_TIMESTAMP_LTZ : SQL_TIMESTAMP)).format(t);
    }

    static long parseTimestamp(String text, boolean ltz, boolean iso) {
        TemporalAccessor parsed = (iso ? (ltz ? ISO_TIMESTAMP_LTZ : ISO_TIMESTAMP) : (ltz ? SQL_TIMESTAMP_LTZ : SQL_TIMESTAMP)).parse(text);
        return LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed)).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
