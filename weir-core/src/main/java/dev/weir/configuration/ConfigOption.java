package dev.weir.configuration;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A typed configuration key with its default value, as Flink's: built with {@link ConfigOptions#key(String)}, read
 * and written through {@link Configuration#get(ConfigOption)} and {@link Configuration#set(ConfigOption, Object)}.
 */
public final class ConfigOption<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final Class<?> type;
    private final T defaultValue;
    private final String description;
    private final String[] fallbackKeys;

    ConfigOption(String key, Class<?> type, T defaultValue, String description, String... fallbackKeys) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
        this.fallbackKeys = fallbackKeys.clone();
    }

    /** The option's key, such as {@code execution.checkpointing.interval}. */
    public String key() {
        return key;
    }

    /** Whether the option has a default value. */
    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    /** The default value, or null when it has none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The option's description. */
    public String description() {
        return description;
    }

    /** Older keys that are read when this option's key is not set. */
    public ConfigOption<T> withDeprecatedKeys(String... deprecatedKeys) {
        return withFallbackKeys(deprecatedKeys);
    }

    /** Other keys that are read when this option's key is not set. */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        String[] all = Arrays.copyOf(fallbackKeys, fallbackKeys.length + keys.length);
        System.arraycopy(keys, 0, all, fallbackKeys.length, keys.length);
        return new ConfigOption<>(key, type, defaultValue, description, all);
    }

    /** The same option with a description. */
    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, type, defaultValue, text, fallbackKeys);
    }

    /** Whether {@link #fallbackKeys()} is not empty. */
    public boolean hasFallbackKeys() {
        return fallbackKeys.length > 0;
    }

    /** The keys read after {@link #key()}, in order. */
    public List<String> fallbackKeys() {
        return List.of(fallbackKeys);
    }

    Class<?> valueType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigOption<?> other && key.equals(other.key) && type == other.type
                && Objects.equals(defaultValue, other.defaultValue);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "Key: '" + key + "' , default: " + defaultValue;
    }
}
