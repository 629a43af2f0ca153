package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * The in-flight sessions of one key, sorted by start: {@code [start, end)} as primitive timestamps, each with its
 * partial aggregate, an identity that stays with it through merges, and a version that changes whenever its bounds
 * change (the registration sequence of the generic operator's timer, which orders sessions of equal end across
 * keys). In-flight sessions never touch: two sessions whose bounds meet merge, as Flink's {@code TimeWindow}s do.
 */
final class KeySessions {
    /** The key; set when the operator takes this list for a key, as emptied lists are reused for new keys. */
    Object key;
    long[] starts = new long[2];
    long[] ends = new long[2];
    long[] ids = new long[2];
    long[] versions = new long[2];
    Object[] partials = new Object[2];
    int count;

    /** The index of the first session that a window {@code [start, end)} would merge with, or {@link #count}. */
    int firstTouching(long start) {
        int i = 0;
        while (i < count && ends[i] < start) {
            i++;
        }
        return i;
    }

    /** The index of the session with this identity, or -1. */
    int indexOf(long id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Inserts a session at {@code index}, shifting later ones. */
    void insert(int index, long start, long end, long id, long version, Object partial) {
        if (count == starts.length) {
            int capacity = count * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            ids = Arrays.copyOf(ids, capacity);
            versions = Arrays.copyOf(versions, capacity);
            partials = Arrays.copyOf(partials, capacity);
        }
        int moved = count - index;
        if (moved > 0) {
            System.arraycopy(starts, index, starts, index + 1, moved);
            System.arraycopy(ends, index, ends, index + 1, moved);
            System.arraycopy(ids, index, ids, index + 1, moved);
            System.arraycopy(versions, index, versions, index + 1, moved);
            System.arraycopy(partials, index, partials, index + 1, moved);
        }
        starts[index] = start;
        ends[index] = end;
        ids[index] = id;
        versions[index] = version;
        partials[index] = partial;
        count++;
    }

    /** Removes the sessions {@code from} (inclusive) to {@code to} (exclusive), shifting later ones. */
    void remove(int from, int to) {
        int moved = count - to;
        if (moved > 0) {
            System.arraycopy(starts, to, starts, from, moved);
            System.arraycopy(ends, to, ends, from, moved);
            System.arraycopy(ids, to, ids, from, moved);
            System.arraycopy(versions, to, versions, from, moved);
            System.arraycopy(partials, to, partials, from, moved);
        }
        int newCount = count - (to - from);
        Arrays.fill(partials, newCount, count, null);
        count = newCount;
    }
}
