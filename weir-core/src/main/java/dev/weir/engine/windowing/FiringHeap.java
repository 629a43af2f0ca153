package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * A four-ary min-heap of session firings by (max timestamp, version), each with the session's identity and its slot in
 * the {@link SessionTable}, in arrays. Four children share a cache line of times, so the heap is half as deep as a binary one
 * for the same comparisons per level. {@link SessionFirings} keeps here only the firings that fit none of its sorted
 * runs.
 */
final class FiringHeap {
    private long[] times = new long[64];
    private long[] versions = new long[64];
    private long[] ids = new long[64];
    private int[] slots = new int[64];
    private int size;

    void push(long time, long version, int slot, long id) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            versions = Arrays.copyOf(versions, capacity);
            ids = Arrays.copyOf(ids, capacity);
            slots = Arrays.copyOf(slots, capacity);
        }
        int position = size++;
        while (position > 0) {
            int parent = (position - 1) >>> 2;
            if (!before(time, version, times[parent], versions[parent])) {
                break;
            }
            copy(parent, position);
            position = parent;
        }
        set(position, time, version, id, slot);
    }

    boolean isEmpty() {
        return size == 0;
    }

    long headTime() {
        return times[0];
    }

    long headVersion() {
        return versions[0];
    }

    long headId() {
        return ids[0];
    }

    /** The table slot of the earliest session; the session may have merged away, fired or changed since. */
    int headSlot() {
        return slots[0];
    }

    void pop() {
        int last = --size;
        long time = times[last];
        long version = versions[last];
        long id = ids[last];
        int slot = slots[last];
        if (last == 0) {
            return;
        }
        int position = 0;
        while (true) {
            int child = (position << 2) + 1;
            if (child >= last) {
                break;
            }
            for (int other = child + 1, end = Math.min(child + 4, last); other < end; other++) {
                if (before(times[other], versions[other], times[child], versions[child])) {
                    child = other;
                }
            }
            if (!before(times[child], versions[child], time, version)) {
                break;
            }
            copy(child, position);
            position = child;
        }
        set(position, time, version, id, slot);
    }

    private static boolean before(long time, long version, long otherTime, long otherVersion) {
        return time < otherTime || (time == otherTime && version < otherVersion);
    }

    private void copy(int from, int to) {
        times[to] = times[from];
        versions[to] = versions[from];
        ids[to] = ids[from];
        slots[to] = slots[from];
    }

    private void set(int position, long time, long version, long id, int slot) {
        times[position] = time;
        versions[position] = version;
        ids[position] = id;
        slots[position] = slot;
    }
}
