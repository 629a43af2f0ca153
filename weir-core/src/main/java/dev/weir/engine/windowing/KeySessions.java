package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * The in-flight sessions of one key, sorted by start: {@code [start, end)} as primitive timestamps, each with its
 * partial aggregate, an identity that stays with it through merges, and a version that changes whenever its bounds
 * change (the registration sequence of the generic operator's timer, which orders sessions of equal end across
 * keys). In-flight sessions never touch: two sessions whose bounds meet merge, as Flink's {@code TimeWindow}s do.
 *
 * <p>A session's four longs sit together in one array ({@code start, end, id, version} at {@code 4 * index}), and the
 * list starts with room for one session, which is what most keys have: with keys far more than the caches hold,
 * opening or firing a session touches this object, one line of longs and the partials, instead of five arrays.
 */
final class KeySessions {
    private static final int STRIDE = 4;
    private static final int END = 1;
    private static final int ID = 2;
    private static final int VERSION = 3;

    /** The key; set when the operator takes this list for a key, as emptied lists are reused for new keys. */
    Object key;
    /** Session i's start, end, identity and version at {@code STRIDE * i}. */
    private long[] bounds = new long[STRIDE];
    private Object[] partials = new Object[1];
    int count;

    long start(int index) {
        return bounds[index * STRIDE];
    }

    long end(int index) {
        return bounds[index * STRIDE + END];
    }

    long version(int index) {
        return bounds[index * STRIDE + VERSION];
    }

    Object partial(int index) {
        return partials[index];
    }

    void setPartial(int index, Object partial) {
        partials[index] = partial;
    }

    /** Gives session {@code index} new bounds and the version that marks the change. */
    void setBounds(int index, long start, long end, long version) {
        int at = index * STRIDE;
        bounds[at] = start;
        bounds[at + END] = end;
        bounds[at + VERSION] = version;
    }

    /** The index of the first session that a window {@code [start, end)} would merge with, or {@link #count}. */
    int firstTouching(long start) {
        int i = 0;
        while (i < count && bounds[i * STRIDE + END] < start) {
            i++;
        }
        return i;
    }

    /** The index of the session with this identity, or -1. */
    int indexOf(long id) {
        for (int i = 0; i < count; i++) {
            if (bounds[i * STRIDE + ID] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Inserts a session at {@code index}, shifting later ones. */
    void insert(int index, long start, long end, long id, long version, Object partial) {
        if (count == partials.length) {
            int capacity = count * 2;
            bounds = Arrays.copyOf(bounds, capacity * STRIDE);
            partials = Arrays.copyOf(partials, capacity);
        }
        int moved = count - index;
        if (moved > 0) {
            System.arraycopy(bounds, index * STRIDE, bounds, (index + 1) * STRIDE, moved * STRIDE);
            System.arraycopy(partials, index, partials, index + 1, moved);
        }
        int at = index * STRIDE;
        bounds[at] = start;
        bounds[at + END] = end;
        bounds[at + ID] = id;
        bounds[at + VERSION] = version;
        partials[index] = partial;
        count++;
    }

    /** Removes the sessions {@code from} (inclusive) to {@code to} (exclusive), shifting later ones. */
    void remove(int from, int to) {
        int moved = count - to;
        if (moved > 0) {
            System.arraycopy(bounds, to * STRIDE, bounds, from * STRIDE, moved * STRIDE);
            System.arraycopy(partials, to, partials, from, moved);
        }
        int newCount = count - (to - from);
        for (int i = newCount; i < count; i++) {
            partials[i] = null;
        }
        count = newCount;
    }
}
