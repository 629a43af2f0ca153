package dev.weir.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Python worker's answers to one bundle, one per record, read by {@link WorkerConnection#answers(BundleAnswers)}:
 * unboxed when every answer is an int (a {@code map} to numbers, a {@code filter}'s keep flags, timestamps), else
 * as values. Valid until the next read.
 */
final class BundleAnswers {
    private long[] longs = new long[1024];
    private int size;
    private boolean onlyLongs;
    private final List<Object> values = new ArrayList<>();

    /** Starts a read of answers that are all ints; {@link #addLong} appends them. */
    void startLongs() {
        onlyLongs = true;
        size = 0;
        values.clear();
    }

    void addLong(long answer) {
        room(1)[size++] = answer;
    }

    /** The array of unboxed answers, with room for {@code count} more after the first {@link #size()}. */
    long[] room(int count) {
        if (longs.length - size < count) {
            longs = Arrays.copyOf(longs, Math.max(size + count, longs.length * 2));
        }
        return longs;
    }

    /** Counts the {@code count} answers written into {@link #room}'s array after the first {@link #size()}. */
    void added(int count) {
        size += count;
    }

    /** Starts a read of answers of any type, appended to the list this returns. */
    List<Object> startValues() {
        onlyLongs = false;
        size = 0;
        values.clear();
        return values;
    }

    /** Whether every answer is an int, held unboxed in {@link #longs()}. */
    boolean onlyLongs() {
        return onlyLongs;
    }

    /** The answers while {@link #onlyLongs()}: the first {@link #size()} entries. */
    long[] longs() {
        return longs;
    }

    int size() {
        return onlyLongs ? size : values.size();
    }

    /** The answer to record {@code index}. */
    Object get(int index) {
        return onlyLongs ? (Object) longs[index] : values.get(index);
    }

    /** The answer to record {@code index}, which is an int. */
    long getLong(int index) {
        return onlyLongs ? longs[index] : (Long) values.get(index);
    }
}
