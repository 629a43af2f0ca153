package dev.weir.configuration;

import java.time.Duration;
import java.util.Locale;

/** Converts a configured value to an option's type, with an error that names the key, the value and the type. */
final class ConfigValues {
    private ConfigValues() {
    }

    static Object convert(String key, Object raw, Class<?> type) {
        if (type.isInstance(raw)) {
            return raw;
        }
        String text = asString(raw).trim();
        try {
            if (type == String.class) {
                return text;
            }
            if (type == Integer.class) {
                return raw instanceof Number n && n.longValue() == n.intValue() ? n.intValue() : Integer.parseInt(text);
            }
            if (type == Long.class) {
                return raw instanceof Number n ? n.longValue() : Long.parseLong(text);
            }
            if (type == Double.class) {
                return raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            }
            if (type == Float.class) {
                return raw instanceof Number n ? n.floatValue() : Float.parseFloat(text);
            }
            if (type == Boolean.class) {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("not true or false");
            }
            if (type == Duration.class) {
                return parseDuration(text);
            }
            if (type == MemorySize.class) {
                return MemorySize.parse(text);
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text.replace('-', '_'))) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Could not parse value '" + text + "' for key '" + key + "' as "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("Configuration key '" + key + "' has an unsupported type " + type.getName());
    }

    static String asString(Object value) {
        if (value instanceof Duration d) {
            return d.toMillis() + " ms";
        }
        return String.valueOf(value);
    }

    /** Parses Flink's duration syntax: a number and an optional unit ({@code 500 ms}, {@code 10s}, {@code 1 min}). */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("a duration starts with a number, as in '10 s' or '500 ms'");
        }
        long amount = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        return switch (unit) {
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(amount);
            case "ns", "nano", "nanos", "nanosecond", "nanoseconds" -> Duration.ofNanos(amount);
            case "µs", "us", "micro", "micros", "microsecond", "microseconds" -> Duration.ofNanos(amount * 1000);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(amount);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(amount);
            case "h", "hour", "hours" -> Duration.ofHours(amount);
            case "d", "day", "days" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "' (use ms, s, min, h or d)");
        };
    }
}
