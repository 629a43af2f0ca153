package dev.weir.util;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Durations in Flink's text form: a whole number and an optional unit ({@code "500 ms"}, {@code "10s"},
 * {@code "1 min"}, {@code "2 h"}, {@code "3 d"}); without a unit the number is milliseconds.
 */
public final class TimeUtils {
    /** The units in the order {@link #formatWithHighestUnit} tries them, each with the labels it is parsed from. */
    private static final List<Unit> UNITS = List.of(
            new Unit(ChronoUnit.DAYS, "d", "day", "days"),
            new Unit(ChronoUnit.HOURS, "h", "hour", "hours"),
            new Unit(ChronoUnit.MINUTES, "min", "m", "minute", "minutes"),
            new Unit(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds"),
            new Unit(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds"),
            new Unit(ChronoUnit.MICROS, "µs", "micro", "micros", "microsecond", "microseconds"),
            new Unit(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds"));

    private TimeUtils() {
    }

    /**
     * Parses a duration such as {@code "10 s"}.
     *
     * @throws NumberFormatException if the text does not start with a whole, non-negative number
     * @throws IllegalArgumentException if the text is blank, the number overflows or the unit is unknown
     */
    public static Duration parseDuration(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A duration must not be blank: write a number and a unit, e.g. '10 s' or '500 ms'");
        }
        int digits = 0;
        while (digits < trimmed.length() && Character.isDigit(trimmed.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            throw new NumberFormatException("The duration '" + text + "' does not start with a whole number: write e.g. '10 s' or '500 ms'");
        }
        String number = trimmed.substring(0, digits);
        String label = trimmed.substring(digits).trim().toLowerCase(Locale.ROOT);
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value '" + number + "' of duration '" + text + "' does not fit in 64 bits", e);
        }
        if (label.isEmpty()) {
            return Duration.ofMillis(value);
        }
        for (Unit unit : UNITS) {
            if (unit.labels().contains(label)) {
                try {
                    return Duration.of(value, unit.unit());
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("The duration '" + text + "' is too long to represent", e);
                }
            }
        }
        throw new IllegalArgumentException("Time unit '" + label + "' of duration '" + text + "' is not one of " + allLabels());
    }

    /** The duration in the largest unit that expresses it exactly, e.g. {@code "1 min"}, {@code "1500 ms"}, {@code "0 ms"}. */
    public static String formatWithHighestUnit(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0 ms";
        }
        for (Unit unit : UNITS) {
            long unitNanos = unit.unit().getDuration().toNanos();
            if (nanos % unitNanos == 0) {
                return nanos / unitNanos + " " + unit.labels().get(0);
            }
        }
        return nanos + " ns";
    }

    /** The duration in whole milliseconds, e.g. {@code "60000ms"}. */
    public static String getStringInMillis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static String allLabels() {
        StringBuilder sb = new StringBuilder();
        for (Unit unit : UNITS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(unit.unit().name()).append(": ").append(String.join(" | ", unit.labels()));
        }
        return sb.toString();
    }

    private record Unit(ChronoUnit unit, List<String> labels) {
        Unit(ChronoUnit unit, String... labels) {
            this(unit, List.of(labels));
        }
    }
}
