package dev.weir.engine.windowing;

/**
 * Each key's latest in-flight session in a {@link SessionTable}: an open-addressing map (linear probing, power-of-two
 * capacity) from a key to the slot of its latest session by start and that session's end, side by side in one
 * {@code long[]}, so a probe reads one cache line.
 *
 * <p>An entry outlives its key's sessions: once the watermark has reached its end, every session of the key has fired
 * and the entry is dead, which the operator tells from the entry alone. So a firing never touches this map; a key that
 * comes back takes its dead entry again, and when the map fills up it drops, in place, the dead entries of keys that
 * did not come back, and grows only if the rest still fill a quarter of it.
 *
 * <p>While every key is a {@code Long} (the usual case) the code is the key's value and a probe compares longs without
 * reading a key object; after the first key of another class, codes are hash codes, the entries keep their key
 * objects, and a probe that matches a code also compares the keys.
 */
final class SessionKeyIndex {
    private static final int MIN_CAPACITY = 16;
    /** An entry's key code, its latest session's slot plus one (0: free entry) and that session's end. */
    private static final int STRIDE = 3;
    private static final int SLOT = 1;
    private static final int END = 2;

    private long[] entries;
    /** Each entry's key once the keys are not all {@code Long}s; null before. */
    private Object[] keys;
    private boolean allLongs = true;
    private int size;
    private int mask;
    private int shift;

    SessionKeyIndex() {
        allocate(MIN_CAPACITY);
    }

    /** Entries, live and dead. */
    int size() {
        return size;
    }

    /** The entry of {@code key}, or {@code ~entry} of the free entry where it would go. */
    int find(Object key) {
        long[] pairs = entries;
        if (allLongs) {
            if (key.getClass() != Long.class) {
                // No key here is of this key's class: find where it would go.
                int i = spread(key.hashCode()) >>> shift;
                while (pairs[i * STRIDE + SLOT] != 0) {
                    i = (i + 1) & mask;
                }
                return ~i;
            }
            long value = (Long) key;
            int i = spread(Long.hashCode(value)) >>> shift;
            while (true) {
                int at = i * STRIDE;
                if (pairs[at + SLOT] == 0) {
                    return ~i;
                }
                if (pairs[at] == value) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        }
        int hash = key.hashCode();
        int i = spread(hash) >>> shift;
        while (pairs[i * STRIDE + SLOT] != 0) {
            if (pairs[i * STRIDE] == hash) {
                Object other = keys[i];
                if (other == key || other.equals(key)) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
        return ~i;
    }

    /** The slot of the latest session of the key at {@code entry}; it is in flight only while {@link #end} is not reached. */
    int slot(int entry) {
        return (int) entries[entry * STRIDE + SLOT] - 1;
    }

    /** The end of the latest session of the key at {@code entry}. */
    long end(int entry) {
        return entries[entry * STRIDE + END];
    }

    /** Makes {@code slot}, which ends at {@code end}, the latest session of the key at {@code entry}. */
    void set(int entry, int slot, long end) {
        int at = entry * STRIDE;
        entries[at + SLOT] = slot + 1L;
        entries[at + END] = end;
    }

    /**
     * Adds {@code key}, which {@link #find} put at {@code ~free}, with its latest session {@code slot} ending at
     * {@code end}. A full map first drops the entries of keys whose sessions have all fired (end at or below
     * {@code watermark}), and grows only when the rest fill a quarter of it.
     */
    void add(int free, Object key, int slot, long end, long watermark) {
        if (allLongs && key.getClass() != Long.class) {
            leaveLongMode();
            free = find(key);
        }
        int capacity = mask + 1;
        if (size >= capacity >> 1) {
            dropDead(watermark);
            if (size >= capacity >> 2) {
                rehash(capacity * 2, watermark);
            }
            free = find(key);
        }
        int i = ~free;
        int at = i * STRIDE;
        entries[at] = allLongs ? (Long) key : key.hashCode();
        if (!allLongs) {
            keys[i] = key;
        }
        size++;
        set(i, slot, end);
    }

    /**
     * Removes, in place, the entries whose end lies at or before {@code watermark}: a scan from a free entry (the map is
     * at most half full) that shifts each removed entry's followers back, so that what moves comes from the part not
     * yet scanned.
     */
    private void dropDead(long watermark) {
        long[] pairs = entries;
        int start = 0;
        while (pairs[start * STRIDE + SLOT] != 0) {
            start++;
        }
        for (int k = 1; k <= mask; k++) {
            int i = (start + k) & mask;
            while (pairs[i * STRIDE + SLOT] != 0 && pairs[i * STRIDE + END] - 1 <= watermark) {
                removeAt(i);
            }
        }
    }

    /** Removes entry {@code gap}, moving later entries of its probe run back so that lookups never stop early. */
    private void removeAt(int gap) {
        long[] pairs = entries;
        size--;
        int j = gap;
        while (true) {
            j = (j + 1) & mask;
            int from = j * STRIDE;
            if (pairs[from + SLOT] == 0) {
                break;
            }
            int home = spread(allLongs ? Long.hashCode(pairs[from]) : (int) pairs[from]) >>> shift;
            // Move the entry at j into the gap unless its home lies cyclically in (gap, j].
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                System.arraycopy(pairs, from, pairs, gap * STRIDE, STRIDE);
                if (!allLongs) {
                    keys[gap] = keys[j];
                }
                gap = j;
            }
        }
        int at = gap * STRIDE;
        pairs[at] = 0;
        pairs[at + SLOT] = 0;
        pairs[at + END] = 0;
        if (!allLongs) {
            keys[gap] = null;
        }
    }

    /** Into {@code capacity} entries, keeping those whose end lies after {@code watermark}. */
    private void rehash(int capacity, long watermark) {
        long[] old = entries;
        Object[] oldKeys = keys;
        int oldCapacity = mask + 1;
        allocate(capacity);
        size = 0;
        for (int j = 0; j < oldCapacity; j++) {
            int from = j * STRIDE;
            if (old[from + SLOT] != 0 && old[from + END] - 1 > watermark) {
                int i = spread(allLongs ? Long.hashCode(old[from]) : (int) old[from]) >>> shift;
                while (entries[i * STRIDE + SLOT] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, from, entries, i * STRIDE, STRIDE);
                if (!allLongs) {
                    keys[i] = oldKeys[j];
                }
                size++;
            }
        }
    }

    /** The first key that is not a {@code Long}: codes become hash codes, entries keep keys; homes stay. */
    private void leaveLongMode() {
        keys = new Object[mask + 1];
        for (int i = 0; i <= mask; i++) {
            int at = i * STRIDE;
            if (entries[at + SLOT] != 0) {
                keys[i] = entries[at];
                entries[at] = Long.hashCode(entries[at]);
            }
        }
        allLongs = false;
    }

    private void allocate(int capacity) {
        entries = new long[capacity * STRIDE];
        keys = allLongs ? null : new Object[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Fibonacci hashing: the top bits pick the entry, so keys with close hash codes spread out. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    @Override
    public String toString() {
        return "SessionKeyIndex{entries=" + size + ", capacity=" + (mask + 1) + ", longKeys=" + allLongs + "}";
    }
}
