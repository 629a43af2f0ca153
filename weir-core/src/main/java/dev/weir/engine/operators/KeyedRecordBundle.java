package dev.weir.engine.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a bundle of a keyed bundled operator, with their timestamps and their keys, which are numbered from
 * 0 in the order of each key's first record in the bundle.
 */
final class KeyedRecordBundle {
    private final List<Object> values = new ArrayList<>();
    private long[] timestamps = new long[64];
    private int[] keyNumbers = new int[64];
    private final Map<Object, Integer> numbers = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();

    /** Adds a record of {@code key}; returns the bundle's size. */
    int add(Object value, long timestamp, Object key) {
        int n = values.size();
        if (n == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, n * 2);
            keyNumbers = Arrays.copyOf(keyNumbers, n * 2);
        }
        Integer number = numbers.get(key);
        if (number == null) {
            number = keys.size();
            numbers.put(key, number);
            keys.add(key);
        }
        values.add(value);
        timestamps[n] = timestamp;
        keyNumbers[n] = number;
        return n + 1;
    }

    int size() {
        return values.size();
    }

    /** The records, in order. */
    List<Object> values() {
        return values;
    }

    long timestamp(int index) {
        return timestamps[index];
    }

    /** The key number of each record: the first {@link #size()} entries. */
    int[] keyNumbers() {
        return keyNumbers;
    }

    /** The distinct keys, by number. */
    List<Object> keys() {
        return keys;
    }

    /** Empties the bundle, keeping its arrays. */
    void clear() {
        values.clear();
        numbers.clear();
        keys.clear();
    }
}
