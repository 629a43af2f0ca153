package dev.weir.api.java.utils;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Program parameters where a key may be given several times ({@code --input a --input b}), as Flink's {@code
 * MultipleParameterTool} (Flink 1.x's name; a Flink 2.x job finds the same behaviour in {@code dev.weir.util}):
 * {@link #getMultiParameter} returns every value, {@link #get(String)} refuses a key with several, and {@link
 * #toMap()} holds each key's last value.
 */
public class MultipleParameterTool extends AbstractParameterTool {
    private static final long serialVersionUID = 1L;

    private MultipleParameterTool(Map<String, List<String>> data) {
        super(data);
    }

    /** Parses {@code --key value} pairs as {@code ParameterTool.fromArgs} does, keeping every value of a repeated key. */
    public static MultipleParameterTool fromArgs(String[] args) {
        return new MultipleParameterTool(parseArgs(args));
    }

    /** The entries of a map from key to values; a key needs at least one value. */
    public static MultipleParameterTool fromMultiMap(Map<String, Collection<String>> multiMap) {
        java.util.Map<String, List<String>> data = new java.util.LinkedHashMap<>();
        multiMap.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("Parameter '" + k + "' has no value: give it at least one");
            }
            data.put(k, List.copyOf(v));
        });
        return new MultipleParameterTool(data);
    }

    /** Every value of the key in the order given, or null when it was not given. */
    public Collection<String> getMultiParameter(String key) {
        return valuesOf(key);
    }

    /**
     * Every value of the key in the order given.
     *
     * @throws RuntimeException {@code No data for required key '<key>'} when it was not given
     */
    public Collection<String> getMultiParameterRequired(String key) {
        Collection<String> values = valuesOf(key);
        if (values == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return values;
    }

    /** Both tools' parameters; for a key in both, {@code other}'s values replace this one's. */
    public MultipleParameterTool mergeWith(MultipleParameterTool other) {
        return new MultipleParameterTool(merged(other));
    }
}
