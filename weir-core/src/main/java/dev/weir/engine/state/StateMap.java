package dev.weir.engine.state;

/**
 * The values of one state in one key group and namespace, by key: an open-addressing map (linear probing,
 * power-of-two capacity, removal by shifting back) in parallel arrays. A lookup allocates nothing and, while every
 * key is a {@code Long} (the usual case), compares the keys' values kept in a {@code long[]} without reading the key
 * objects, which are cold: scattered over the heap. {@code java.util.HashMap} costs a node and a key dereference
 * per probe. Public for the operators that keep their own per-key structures on the heap (the session window operator's
 * sessions by key).
 *
 * <p>Each key object sits next to its value in one array ({@code kv}), so a hit reads two cache lines (the long key and
 * the pair), not three; while every key is a {@code Long} the map keeps no hash per slot (it recomputes it from the long
 * key when a removal shifts entries or the map grows), so an insertion writes two lines, not four.
 */
public final class StateMap {
    private static final int MIN_CAPACITY = 8;

    /** Key of slot i at 2i, its value at 2i + 1. */
    private Object[] kv;
    /** Each slot's hash; null while {@link #allLongs}. */
    private int[] hashes;
    private long[] longKeys;
    private boolean allLongs = true;
    private int size;
    private int mask;
    private int shift;
    /**
     * The key of the last lookup, by identity, and where it ended: its slot, or {@code ~slot} of the free slot it would
     * take. A keyed function reads its state and then writes or clears it for the same key object ({@code value()}
     * then {@code update(v)}), so the write finds its slot without a second probe. Any other change of the map's
     * layout forgets it.
     */
    private Object lastKey;
    private int lastSlot;

    public StateMap() {
        allocate(MIN_CAPACITY);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The slots are 0 until this; a slot holds an entry when {@link #keyAt} is not null. */
    public int capacity() {
        return longKeys.length;
    }

    public Object keyAt(int slot) {
        return kv[slot << 1];
    }

    public Object valueAt(int slot) {
        return kv[(slot << 1) + 1];
    }

    /** The value of {@code key}, or null. */
    public Object get(Object key) {
        int i = find(key);
        return i < 0 ? null : kv[(i << 1) + 1];
    }

    public void put(Object key, Object value) {
        int i = find(key);
        if (i >= 0) {
            // A keyed function mostly writes back the object it read and changed in place (value(), then
            // update(v)): skipping that store spares the collector's write barrier and leaves the line clean.
            if (kv[(i << 1) + 1] != value) {
                kv[(i << 1) + 1] = value;
            }
            return;
        }
        i = ~i;
        int capacity = longKeys.length;
        if (size >= (capacity >> 1) + (capacity >> 2)) {
            rehash(capacity * 2);
            i = ~find(key);
        }
        if (allLongs && key.getClass() != Long.class) {
            leaveLongMode();
        }
        kv[i << 1] = key;
        kv[(i << 1) + 1] = value;
        if (allLongs) {
            longKeys[i] = (Long) key;
        } else {
            hashes[i] = spread(key.hashCode());
        }
        size++;
        lastSlot = i;
    }

    /** Removes {@code key}'s entry, moving later entries of its probe run back so lookups never stop early. */
    public void remove(Object key) {
        int i = find(key);
        if (i < 0) {
            return;
        }
        lastKey = null;
        size--;
        Object[] pairs = kv;
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (pairs[j << 1] == null) {
                break;
            }
            int home = hashAt(j) >>> shift;
            // Move the entry at j into the gap unless its home lies cyclically in (gap, j].
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                pairs[gap << 1] = pairs[j << 1];
                pairs[(gap << 1) + 1] = pairs[(j << 1) + 1];
                longKeys[gap] = longKeys[j];
                if (!allLongs) {
                    hashes[gap] = hashes[j];
                }
                gap = j;
            }
        }
        pairs[gap << 1] = null;
        pairs[(gap << 1) + 1] = null;
        if (size == 0) {
            allLongs = true;
            hashes = null;
        }
    }

    /** The slot holding {@code key}, or {@code ~slot} of the free slot where it would go; remembered as the last lookup. */
    private int find(Object key) {
        if (key == lastKey) {
            return lastSlot;
        }
        int i = indexOf(key);
        int found = kv[i << 1] == null ? ~i : i;
        lastKey = key;
        lastSlot = found;
        return found;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int indexOf(Object key) {
        Object[] pairs = kv;
        if (allLongs) {
            if (key.getClass() != Long.class) {
                // No key in the map is of this key's class, so it is in no slot: find where it would go.
                int i = spread(key.hashCode()) >>> shift;
                while (pairs[i << 1] != null) {
                    i = (i + 1) & mask;
                }
                return i;
            }
            long value = (Long) key;
            long[] longs = longKeys;
            int i = spread(Long.hashCode(value)) >>> shift;
            while (pairs[i << 1] != null && longs[i] != value) {
                i = (i + 1) & mask;
            }
            return i;
        }
        int hash = spread(key.hashCode());
        int i = hash >>> shift;
        for (Object k = pairs[i << 1]; k != null; k = pairs[i << 1]) {
            if (hashes[i] == hash && (k == key || k.equals(key))) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The spread hash of the entry in {@code slot}. */
    private int hashAt(int slot) {
        return allLongs ? spread(Long.hashCode(longKeys[slot])) : hashes[slot];
    }

    /** The first key that is not a {@code Long}: from now on, slots keep their hashes and probes compare by equals. */
    private void leaveLongMode() {
        int[] kept = new int[longKeys.length];
        for (int slot = 0; slot < kept.length; slot++) {
            if (kv[slot << 1] != null) {
                kept[slot] = spread(Long.hashCode(longKeys[slot]));
            }
        }
        hashes = kept;
        allLongs = false;
    }

    private void rehash(int capacity) {
        lastKey = null;
        Object[] oldPairs = kv;
        int[] oldHashes = hashes;
        long[] oldLongs = longKeys;
        int oldCapacity = oldLongs.length;
        allocate(capacity);
        for (int j = 0; j < oldCapacity; j++) {
            Object key = oldPairs[j << 1];
            if (key != null) {
                int hash = allLongs ? spread(Long.hashCode(oldLongs[j])) : oldHashes[j];
                int i = hash >>> shift;
                while (kv[i << 1] != null) {
                    i = (i + 1) & mask;
                }
                kv[i << 1] = key;
                kv[(i << 1) + 1] = oldPairs[(j << 1) + 1];
                longKeys[i] = oldLongs[j];
                if (!allLongs) {
                    hashes[i] = hash;
                }
            }
        }
    }

    private void allocate(int capacity) {
        kv = new Object[capacity * 2];
        hashes = allLongs ? null : new int[capacity];
        longKeys = new long[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Fibonacci hashing on the key's hash: the top bits pick the slot, so keys with close hash codes spread out. */
    static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    @Override
    public String toString() {
        StringBuilder keys = new StringBuilder();
        for (int slot = 0; slot < longKeys.length; slot++) {
            keys.append(slot == 0 ? "" : ", ").append(kv[slot << 1]);
        }
        return "StateMap{size=" + size + ", capacity=" + longKeys.length + ", keys=[" + keys + "]}";
    }
}
