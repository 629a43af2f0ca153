package dev.weir.configuration;

import java.time.Duration;
import java.util.Objects;

/** Builds {@link ConfigOption}s as Flink does: {@code ConfigOptions.key("my.key").intType().defaultValue(3)}. */
public final class ConfigOptions {
    private ConfigOptions() {
    }

    /** Starts an option with the given key. */
    public static OptionBuilder key(String key) {
        if (Objects.requireNonNull(key, "key").isBlank()) {
            throw new IllegalArgumentException("A configuration key must not be blank");
        }
        return new OptionBuilder(key);
    }

    /** Chooses the type of an option. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        public TypedConfigOptionBuilder<Boolean> booleanType() {
            return new TypedConfigOptionBuilder<>(key, Boolean.class);
        }

        public TypedConfigOptionBuilder<Integer> intType() {
            return new TypedConfigOptionBuilder<>(key, Integer.class);
        }

        public TypedConfigOptionBuilder<Long> longType() {
            return new TypedConfigOptionBuilder<>(key, Long.class);
        }

        public TypedConfigOptionBuilder<Float> floatType() {
            return new TypedConfigOptionBuilder<>(key, Float.class);
        }

        public TypedConfigOptionBuilder<Double> doubleType() {
            return new TypedConfigOptionBuilder<>(key, Double.class);
        }

        public TypedConfigOptionBuilder<String> stringType() {
            return new TypedConfigOptionBuilder<>(key, String.class);
        }

        public TypedConfigOptionBuilder<Duration> durationType() {
            return new TypedConfigOptionBuilder<>(key, Duration.class);
        }

        /** A map of strings, written {@code k1:v1,k2:v2} as in Flink. */
        public TypedConfigOptionBuilder<java.util.Map<String, String>> mapType() {
            return new TypedConfigOptionBuilder<>(key, java.util.Map.class);
        }

        /** An option whose value is a {@link MemorySize}, given as text such as {@code "128 mb"}. */
        public TypedConfigOptionBuilder<MemorySize> memoryType() {
            return new TypedConfigOptionBuilder<>(key, MemorySize.class);
        }

        public <E extends Enum<E>> TypedConfigOptionBuilder<E> enumType(Class<E> enumClass) {
            return new TypedConfigOptionBuilder<>(key, Objects.requireNonNull(enumClass, "enumClass"));
        }
    }

    /** Gives a typed option its default value, or none. */
    public static final class TypedConfigOptionBuilder<T> {
        private final String key;
        private final Class<?> type;

        TypedConfigOptionBuilder(String key, Class<?> type) {
            this.key = key;
            this.type = type;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, Objects.requireNonNull(value, "defaultValue"), "");
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "");
        }
    }
}
