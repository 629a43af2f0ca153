package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * When sessions fire: a binary min-heap of (max timestamp, version) with the session's key and identity, in
 * primitive arrays. Entries go stale instead of being updated: a session that grows or merges keeps its old entry,
 * and the operator, when that entry comes due, either pushes the session again under its current time and version
 * or, when the session merged away, drops it. A session therefore fires at the position its exact (max timestamp,
 * version) gives it, and growing a session costs no heap operation.
 */
final class SessionFirings {
    private long[] times = new long[64];
    private long[] versions = new long[64];
    private long[] ids = new long[64];
    private Object[] keys = new Object[64];
    private int size;

    void push(long time, long version, Object key, long id) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            versions = Arrays.copyOf(versions, capacity);
            ids = Arrays.copyOf(ids, capacity);
            keys = Arrays.copyOf(keys, capacity);
        }
        int position = size++;
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!before(time, version, times[parent], versions[parent])) {
                break;
            }
            copy(parent, position);
            position = parent;
        }
        set(position, time, version, id, key);
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

    Object headKey() {
        return keys[0];
    }

    void pop() {
        int last = --size;
        long time = times[last];
        long version = versions[last];
        long id = ids[last];
        Object key = keys[last];
        keys[last] = null;
        if (last == 0) {
            return;
        }
        int position = 0;
        int half = last >>> 1;
        while (position < half) {
            int child = 2 * position + 1;
            int right = child + 1;
            if (right < last && before(times[right], versions[right], times[child], versions[child])) {
                child = right;
            }
            if (!before(times[child], versions[child], time, version)) {
                break;
            }
            copy(child, position);
            position = child;
        }
        set(position, time, version, id, key);
    }

    private static boolean before(long time, long version, long otherTime, long otherVersion) {
        return time < otherTime || (time == otherTime && version < otherVersion);
    }

    private void copy(int from, int to) {
        times[to] = times[from];
        versions[to] = versions[from];
        ids[to] = ids[from];
        keys[to] = keys[from];
    }

    private void set(int position, long time, long version, long id, Object key) {
        times[position] = time;
        versions[position] = version;
        ids[position] = id;
        keys[position] = key;
    }
}
