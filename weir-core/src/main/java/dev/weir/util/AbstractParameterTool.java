package dev.weir.util;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.configuration.Configuration;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one implementation behind {@link ParameterTool} and {@link MultipleParameterTool} and their Flink 1.x twins in
 * {@code dev.weir.api.java.utils}: parameters parsed from {@code --key value} arguments, a map, a properties file or
 * the system properties, read with typed getters. Each key holds one value, or several for a
 * {@code MultipleParameterTool}; {@link #get(String)} refuses a key with several. A key given without a value holds
 * {@link #NO_VALUE_KEY}. Reads record which keys the job asked for, so {@link #getUnrequestedParameters()} names the
 * arguments nobody used (often a typo); it may be read from several subtasks at once.
 */
public abstract class AbstractParameterTool extends ExecutionConfig.GlobalJobParameters {
    private static final long serialVersionUID = 1L;

    /** The value of a key given without one, as in {@code --verbose}. */
    public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";
    /** Flink's placeholder for a default that is not defined. */
    protected static final String DEFAULT_UNDEFINED = "<undefined>";

    private final Map<String, List<String>> data;
    private final Set<String> unrequested;

    /** Takes the parsed values; each list holds at least one value. */
    protected AbstractParameterTool(Map<String, List<String>> data) {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        data.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.data = Collections.unmodifiableMap(copy);
        this.unrequested = ConcurrentHashMap.newKeySet();
        this.unrequested.addAll(copy.keySet());
    }

    /** Parses {@code --key value} and {@code -key value} arguments; a key followed by another key (or nothing) has no value. */
    protected static Map<String, List<String>> parseArgs(String[] args) {
        Objects.requireNonNull(args, "args");
        Map<String, List<String>> result = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            String key;
            if (arg != null && arg.startsWith("--")) {
                key = arg.substring(2);
            } else if (arg != null && arg.startsWith("-")) {
                key = arg.substring(1);
            } else {
                throw new IllegalArgumentException("Error parsing arguments '" + Arrays.toString(args) + "' on '" + arg
                        + "'. Please prefix keys with -- or -.");
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("The input " + Arrays.toString(args)
                        + " contains an empty argument: a key is '-' or '--' followed by its name, as in '--input'");
            }
            i++;
            String value;
            if (i < args.length && args[i] != null && (!args[i].startsWith("-") || isNumber(args[i]))) {
                value = args[i++];
            } else {
                value = NO_VALUE_KEY;
            }
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** The entries of a map, one value each. */
    protected static Map<String, List<String>> single(Map<String, String> map) {
        Objects.requireNonNull(map, "Unable to initialize from empty map");
        Map<String, List<String>> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(Objects.requireNonNull(k, "a parameter key must not be null"),
                List.of(Objects.requireNonNull(v, () -> "the value of parameter '" + k + "' must not be null"))));
        return result;
    }

    /** Every key with only its last value, as {@code ParameterTool} keeps a key given twice. */
    protected static Map<String, List<String>> lastValues(Map<String, List<String>> data) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        data.forEach((k, v) -> result.put(k, List.of(v.get(v.size() - 1))));
        return result;
    }

    /** The entries of a properties file. */
    protected static Map<String, String> readPropertiesFile(File file) throws IOException {
        if (!file.exists()) {
            throw new FileNotFoundException("Properties file " + file.getAbsolutePath() + " does not exist");
        }
        try (InputStream in = new FileInputStream(file)) {
            return readProperties(in);
        }
    }

    /** The entries of properties read from a stream, which stays open. */
    protected static Map<String, String> readProperties(InputStream in) throws IOException {
        Properties props = new Properties();
        props.load(in);
        return fromProperties(props);
    }

    /** The entries of properties, in key order. */
    protected static Map<String, String> fromProperties(Properties props) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(props.stringPropertyNames())) {
            result.put(name, props.getProperty(name));
        }
        return result;
    }

    /** Both tools' values, {@code other}'s replacing this one's for a key in both. */
    protected Map<String, List<String>> merged(AbstractParameterTool other) {
        Map<String, List<String>> result = new LinkedHashMap<>(data);
        result.putAll(other.data);
        return result;
    }

    /** The parsed values, one list per key. */
    protected Map<String, List<String>> values() {
        return data;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The number of keys. */
    public int getNumberOfParameters() {
        return data.size();
    }

    /** Whether the key was given (with or without a value). */
    public boolean has(String key) {
        unrequested.remove(key);
        return data.containsKey(key);
    }

    /**
     * The key's value, or null when it was not given.
     *
     * @throws IllegalStateException if the key was given several times to a {@code MultipleParameterTool}
     */
    public String get(String key) {
        unrequested.remove(key);
        List<String> values = data.get(key);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalStateException("Key " + key + " should has only one value.");
        }
        return values.get(0);
    }

    /** The key's value, or {@code defaultValue} when it was not given. */
    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    /**
     * The key's value.
     *
     * @throws RuntimeException {@code No data for required key '<key>'} when it was not given
     */
    public String getRequired(String key) {
        String value = get(key);
        if (value == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return value;
    }

    public int getInt(String key) {
        return Integer.parseInt(getRequired(key));
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    public long getLong(String key) {
        return Long.parseLong(getRequired(key));
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    public float getFloat(String key) {
        return Float.parseFloat(getRequired(key));
    }

    public float getFloat(String key, float defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Float.parseFloat(value);
    }

    public double getDouble(String key) {
        return Double.parseDouble(getRequired(key));
    }

    public double getDouble(String key, double defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Double.parseDouble(value);
    }

    /** {@code true} only for the value "true" (any case), as {@link Boolean#valueOf(String)}; a key without a value is false. */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(getRequired(key));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    public short getShort(String key) {
        return Short.parseShort(getRequired(key));
    }

    public short getShort(String key, short defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Short.parseShort(value);
    }

    public byte getByte(String key) {
        return Byte.parseByte(getRequired(key));
    }

    public byte getByte(String key, byte defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Byte.parseByte(value);
    }

    /** The keys no {@code has} or {@code get} call has asked for yet. */
    public Set<String> getUnrequestedParameters() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(unrequested));
    }

    /** Every key with its (last) value. */
    @Override
    public Map<String, String> toMap() {
        Map<String, String> result = new LinkedHashMap<>();
        data.forEach((k, v) -> result.put(k, v.get(v.size() - 1)));
        return result;
    }

    /** The parameters as a {@link Configuration} of string entries. */
    public Configuration getConfiguration() {
        return Configuration.fromMap(toMap());
    }

    /** The parameters as {@link Properties}. */
    public Properties getProperties() {
        Properties props = new Properties();
        props.putAll(toMap());
        return props;
    }

    /** The values of every key, for subclasses that expose them. */
    protected Collection<String> valuesOf(String key) {
        unrequested.remove(key);
        return data.get(key);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && data.equals(((AbstractParameterTool) o).data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + toMap();
    }
}
