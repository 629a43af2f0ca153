package dev.weir.configuration;

import java.time.Duration;
import dev.weir.util.TimeUtils;

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
                return TimeUtils.parseDuration(text);
            }
            if (type == java.util.Map.class) {
                return parseMap(text);
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
        if (value instanceof java.util.Map<?, ?> map) {
            StringBuilder sb = new StringBuilder();
            map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append(':').append(v));
            return sb.toString();
        }
        if (value instanceof Duration d) {
            return TimeUtils.formatWithHighestUnit(d);
        }
        return String.valueOf(value);
    }

    /** Flink's map syntax: {@code k1:v1,k2:v2}. */
    private static java.util.Map<String, String> parseMap(String text) {
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        if (text.isEmpty()) {
            return result;
        }
        for (String entry : text.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("the entry '" + entry + "' is not key:value (write k1:v1,k2:v2)");
            }
            result.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return result;
    }
}
