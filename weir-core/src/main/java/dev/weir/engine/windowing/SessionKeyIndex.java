package dev.weir.engine.windowing;

/**
 * Each key's first in-flight session in a {@link SessionTable}: an open-addressing map (linear probing, power-of-two
 * capacity, removal by shifting back) from a key to a slot, each entry's key code and slot side by side in one
 * {@code long[]}, so a probe reads one cache line.
 *
 * <p>While every key is a {@code Long} (the usual case) the code is the key's value and a probe compares longs without
 * reading a key object; after the first key of another class, codes are hash codes and a probe that matches one also
 * compares the key with the key object of the entry's slot in the table. An entry's home is the key's
 * {@code hashCode()} in both modes, which the table keeps per session: so removing a key whose first session fired
 * finds its entry by that hash and the slot, without reading the key.
 */
final class SessionKeyIndex {
    private static final int MIN_CAPACITY = 16;

    /** Entry i's key code at 2i and its slot plus one at 2i + 1; 0 there marks a free entry. */
    private long[] entries;
    private boolean allLongs = true;
    private int size;
    private int mask;
    private int shift;

    SessionKeyIndex() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** The slot of {@code key}'s first session, or -1. */
    int get(Object key, SessionTable table) {
        int i = indexOf(key, table);
        return (int) entries[(i << 1) + 1] - 1;
    }

    /** Makes {@code slot} the first session of {@code key}, which has an entry or gets one. */
    void put(Object key, int slot, SessionTable table) {
        if (allLongs && key.getClass() != Long.class) {
            leaveLongMode();
        }
        int i = indexOf(key, table);
        if (entries[(i << 1) + 1] == 0) {
            int capacity = mask + 1;
            if (size >= capacity >> 1) {
                rehash(capacity * 2);
                i = indexOf(key, table);
            }
            entries[i << 1] = allLongs ? (Long) key : key.hashCode();
            size++;
        }
        entries[(i << 1) + 1] = slot + 1L;
    }

    /** Gives the key whose first session is {@code slot} (its key's hash code {@code hash}) the first session {@code next}. */
    void replace(int hash, int slot, int next) {
        entries[(find(hash, slot) << 1) + 1] = next + 1L;
    }

    /** Removes the entry of the key whose first session is {@code slot}; {@code hash} is that key's hash code. */
    void remove(int hash, int slot) {
        long[] pairs = entries;
        int gap = find(hash, slot);
        size--;
        int j = gap;
        while (true) {
            j = (j + 1) & mask;
            if (pairs[(j << 1) + 1] == 0) {
                break;
            }
            int home = homeOf(pairs[j << 1]);
            // Move the entry at j into the gap unless its home lies cyclically in (gap, j].
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                pairs[gap << 1] = pairs[j << 1];
                pairs[(gap << 1) + 1] = pairs[(j << 1) + 1];
                gap = j;
            }
        }
        pairs[gap << 1] = 0;
        pairs[(gap << 1) + 1] = 0;
    }

    /** The entry whose slot is {@code slot}, probing from the home of {@code hash}; it must exist. */
    private int find(int hash, int slot) {
        long[] pairs = entries;
        long value = slot + 1L;
        int i = spread(hash) >>> shift;
        while (pairs[(i << 1) + 1] != value) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The entry of {@code key}, or the free entry where it would go. */
    private int indexOf(Object key, SessionTable table) {
        long[] pairs = entries;
        if (allLongs) {
            if (key.getClass() != Long.class) {
                // No key here is of this key's class: find where it would go.
                int i = spread(key.hashCode()) >>> shift;
                while (pairs[(i << 1) + 1] != 0) {
                    i = (i + 1) & mask;
                }
                return i;
            }
            long value = (Long) key;
            int i = spread(Long.hashCode(value)) >>> shift;
            while (pairs[(i << 1) + 1] != 0 && pairs[i << 1] != value) {
                i = (i + 1) & mask;
            }
            return i;
        }
        int hash = key.hashCode();
        int i = spread(hash) >>> shift;
        for (long slot = pairs[(i << 1) + 1]; slot != 0; slot = pairs[(i << 1) + 1]) {
            if (pairs[i << 1] == hash) {
                Object other = table.key((int) slot - 1);
                if (other == key || other.equals(key)) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private int homeOf(long code) {
        return spread(allLongs ? Long.hashCode(code) : (int) code) >>> shift;
    }

    /** The first key that is not a {@code Long}: codes become hash codes; homes stay where they are. */
    private void leaveLongMode() {
        long[] pairs = entries;
        for (int i = 0; i <= mask; i++) {
            if (pairs[(i << 1) + 1] != 0) {
                pairs[i << 1] = Long.hashCode(pairs[i << 1]);
            }
        }
        allLongs = false;
    }

    private void rehash(int capacity) {
        long[] old = entries;
        int oldCapacity = mask + 1;
        allocate(capacity);
        for (int j = 0; j < oldCapacity; j++) {
            long slot = old[(j << 1) + 1];
            if (slot != 0) {
                int i = homeOf(old[j << 1]);
                while (entries[(i << 1) + 1] != 0) {
                    i = (i + 1) & mask;
                }
                entries[i << 1] = old[j << 1];
                entries[(i << 1) + 1] = slot;
            }
        }
    }

    private void allocate(int capacity) {
        entries = new long[capacity * 2];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Fibonacci hashing: the top bits pick the entry, so keys with close hash codes spread out. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }
}
