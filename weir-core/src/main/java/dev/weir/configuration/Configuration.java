package dev.weir.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Key-value settings with Flink's names and behaviour: typed access through {@link ConfigOption}s and the string
 * accessors of Flink 1.x. Values are kept as given and converted on read, so {@code setString("k", "10 s")} reads back
 * as a {@link Duration} through a duration option, as in Flink.
 */
public class Configuration implements ReadableConfig, WritableConfig, Serializable, Cloneable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Object> values = new LinkedHashMap<>();

    /** An empty configuration. */
    public Configuration() {
    }

    /** A copy of another configuration. */
    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    /** A configuration holding the given string entries. */
    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        map.forEach(c::setString);
        return c;
    }

    /** Sets a typed option. */
    @Override
    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), Objects.requireNonNull(value, () -> "value of " + option.key()));
        return this;
    }

    @Override
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElseGet(option::defaultValue);
    }

    /** The value of an option, or the given default when it is not set. */
    public <T> T get(ConfigOption<T> option, T overrideDefault) {
        return getOptional(option).orElse(overrideDefault);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String key = option.key();
        Object raw = values.get(key);
        if (raw == null) {
            for (String fallback : option.fallbackKeys()) {
                raw = values.get(fallback);
                if (raw != null) {
                    key = fallback;
                    break;
                }
            }
        }
        return raw == null ? Optional.empty() : Optional.of((T) ConfigValues.convert(key, raw, option.valueType()));
    }

    /** Whether the key is set. */
    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    /** Whether the option (or one of its fallback keys) is set. */
    public boolean contains(ConfigOption<?> option) {
        if (values.containsKey(option.key())) {
            return true;
        }
        for (String fallback : option.fallbackKeys()) {
            if (values.containsKey(fallback)) {
                return true;
            }
        }
        return false;
    }

    /** Removes an option's key; returns whether it was set. */
    public <T> boolean removeConfig(ConfigOption<T> option) {
        return values.remove(option.key()) != null;
    }

    /** Removes a key; returns whether it was set. */
    public boolean removeKey(String key) {
        return values.remove(key) != null;
    }

    public void setString(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public String getString(String key, String defaultValue) {
        Object raw = values.get(key);
        return raw == null ? defaultValue : ConfigValues.asString(raw);
    }

    public void setInteger(String key, int value) {
        values.put(key, value);
    }

    public int getInteger(String key, int defaultValue) {
        Object raw = values.get(key);
        return raw == null ? defaultValue : (Integer) ConfigValues.convert(key, raw, Integer.class);
    }

    public void setLong(String key, long value) {
        values.put(key, value);
    }

    public long getLong(String key, long defaultValue) {
        Object raw = values.get(key);
        return raw == null ? defaultValue : (Long) ConfigValues.convert(key, raw, Long.class);
    }

    public void setBoolean(String key, boolean value) {
        values.put(key, value);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object raw = values.get(key);
        return raw == null ? defaultValue : (Boolean) ConfigValues.convert(key, raw, Boolean.class);
    }

    public void setDouble(String key, double value) {
        values.put(key, value);
    }

    public double getDouble(String key, double defaultValue) {
        Object raw = values.get(key);
        return raw == null ? defaultValue : (Double) ConfigValues.convert(key, raw, Double.class);
    }

    public void setFloat(String key, float value) {
        values.put(key, value);
    }

    public float getFloat(String key, float defaultValue) {
        Object raw = values.get(key);
        return raw == null ? defaultValue : (Float) ConfigValues.convert(key, raw, Float.class);
    }

    /** Flink 1.x style: the option's value, or its default. */
    public String getString(ConfigOption<String> option) {
        return get(option);
    }

    /** Flink 1.x style: the option's value, or {@code overrideDefault} when it is not set. */
    public String getString(ConfigOption<String> option, String overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Flink 1.x style of {@link #set(ConfigOption, Object)}. */
    public void setString(ConfigOption<String> option, String value) {
        set(option, value);
    }

    public int getInteger(ConfigOption<Integer> option) {
        return get(option);
    }

    public int getInteger(ConfigOption<Integer> option, int overrideDefault) {
        return get(option, overrideDefault);
    }

    public void setInteger(ConfigOption<Integer> option, int value) {
        set(option, value);
    }

    public long getLong(ConfigOption<Long> option) {
        return get(option);
    }

    public long getLong(ConfigOption<Long> option, long overrideDefault) {
        return get(option, overrideDefault);
    }

    public void setLong(ConfigOption<Long> option, long value) {
        set(option, value);
    }

    public boolean getBoolean(ConfigOption<Boolean> option) {
        return get(option);
    }

    public boolean getBoolean(ConfigOption<Boolean> option, boolean overrideDefault) {
        return get(option, overrideDefault);
    }

    public void setBoolean(ConfigOption<Boolean> option, boolean value) {
        set(option, value);
    }

    public double getDouble(ConfigOption<Double> option) {
        return get(option);
    }

    public double getDouble(ConfigOption<Double> option, double overrideDefault) {
        return get(option, overrideDefault);
    }

    public void setDouble(ConfigOption<Double> option, double value) {
        set(option, value);
    }

    public float getFloat(ConfigOption<Float> option) {
        return get(option);
    }

    public float getFloat(ConfigOption<Float> option, float overrideDefault) {
        return get(option, overrideDefault);
    }

    public void setFloat(ConfigOption<Float> option, float value) {
        set(option, value);
    }

    /** Adds every entry of another configuration, replacing keys set in both. */
    public void addAll(Configuration other) {
        values.putAll(other.values);
    }

    /** The keys that are set. */
    public Set<String> keySet() {
        return Set.copyOf(values.keySet());
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, ConfigValues.asString(v)));
        return result;
    }

    @Override
    public Configuration clone() {
        return new Configuration(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
