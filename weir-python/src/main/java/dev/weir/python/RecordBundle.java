package dev.weir.python;

import java.util.Arrays;
import java.util.List;

/**
 * The records of one bundle on their way to a Python worker, with their timestamps. While every record is a
 * {@link Long} (a stream of numbers) the bundle holds them unboxed: a large array of references to short-lived boxes
 * costs the collector a card mark per store and the JVM a pass to check and unbox them before they are sent.
 */
final class RecordBundle {
    private long[] longs;
    private Object[] objects;
    private long[] timestamps;
    private int size;
    private boolean onlyLongs = true;

    RecordBundle(int capacity) {
        longs = new long[capacity];
        timestamps = new long[capacity];
    }

    /** Adds a record; the arrays grow up to {@code maxSize}, the bundle size. */
    void add(Object value, long timestamp, int maxSize) {
        int n = size;
        if (n == timestamps.length) {
            grow(n + 1, maxSize);
        }
        if (onlyLongs) {
            if (value instanceof Long number) {
                longs[n] = number;
                timestamps[n] = timestamp;
                size = n + 1;
                return;
            }
            boxTheLongs();
        }
        objects[n] = value;
        timestamps[n] = timestamp;
        size = n + 1;
    }

    /**
     * Adds the numbers {@code first..last} (inclusive; at most {@code maxSize - size()} of them), each a record with
     * {@code timestamp}: unboxed while the bundle holds only numbers.
     */
    void addNumbers(long first, long last, long timestamp, int maxSize) {
        int n = size;
        int count = (int) (last - first + 1);
        if (n + count > timestamps.length) {
            grow(n + count, maxSize);
        }
        Arrays.fill(timestamps, n, n + count, timestamp);
        if (onlyLongs) {
            long[] longs = this.longs;
            for (int i = 0; i < count; i++) {
                longs[n + i] = first + i;
            }
        } else {
            for (int i = 0; i < count; i++) {
                objects[n + i] = first + i;
            }
        }
        size = n + count;
    }

    private void grow(int needed, int maxSize) {
        int capacity = Math.min(maxSize, Math.max(needed, timestamps.length * 2));
        timestamps = Arrays.copyOf(timestamps, capacity);
        longs = Arrays.copyOf(longs, capacity);
        if (objects != null) {
            objects = Arrays.copyOf(objects, capacity);
        }
    }

    private void boxTheLongs() {
        if (objects == null) {
            objects = new Object[timestamps.length]; // the arrays keep one length
        }
        for (int i = 0; i < size; i++) {
            objects[i] = longs[i];
        }
        onlyLongs = false;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether every record is a {@link Long}, held in {@link #longs()}; false for an empty bundle. */
    boolean onlyLongs() {
        return onlyLongs && size > 0;
    }

    /** The records while {@link #onlyLongs()}: the first {@link #size()} entries. */
    long[] longs() {
        return longs;
    }

    /** The records as a list (boxed where they are held unboxed). */
    List<Object> values() {
        if (onlyLongs) {
            boxTheLongs();
        }
        return Arrays.asList(objects).subList(0, size);
    }

    Object value(int index) {
        return onlyLongs ? box(longs[index]) : objects[index];
    }

    /**
     * A new box for a number held unboxed, where {@code Long.valueOf} would return a cached one for -128..127. The JIT
     * (C2 in JDK 17) removes a box that no inlined operator after it reads, such as a discarding sink's, only when it
     * is a plain allocation: {@code valueOf}'s merge of its cached and new boxes keeps the allocation (task threads
     * 15-16 against 25-32 ns of CPU a record in the bench's map, load 30). A box that is read costs the same either way.
     */
    @SuppressWarnings("removal")
    static Long box(long value) {
        return new Long(value);
    }

    long timestamp(int index) {
        return timestamps[index];
    }

    /** Empties the bundle, keeping its arrays, and drops its references to the records. */
    void clear() {
        if (!onlyLongs) {
            Arrays.fill(objects, 0, size, null);
        }
        size = 0;
        onlyLongs = true;
    }
}
