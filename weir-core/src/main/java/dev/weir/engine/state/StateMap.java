package dev.weir.engine.state;

import java.util.Arrays;

/**
 * The values of one state in one key group and namespace, by key: an open-addressing map (linear probing,
 * power-of-two capacity, removal by shifting back) in parallel arrays. A lookup allocates nothing and, while every
 * key is a {@code Long} (the usual case), compares the keys' values kept in a {@code long[]} without reading the key
 * objects, which are cold: scattered over the heap. {@code java.util.HashMap} costs a node and a key dereference
 * per probe. Public for the operators that keep their own per-key structures on the heap (the session window operator's
 * sessions by key).
 */
public final class StateMap {
    private static final int MIN_CAPACITY = 8;

    private Object[] keys;
    private Object[] values;
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
        return keys.length;
    }

    public Object keyAt(int slot) {
        return keys[slot];
    }

    public Object valueAt(int slot) {
        return values[slot];
    }

    /** The value of {@code key}, or null. */
    public Object get(Object key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    public void put(Object key, Object value) {
        int i = find(key);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        i = ~i;
        if (size >= (keys.length >> 1) + (keys.length >> 2)) {
            rehash(keys.length * 2);
            i = ~find(key);
        }
        int hash = spread(key.hashCode());
        if (allLongs && key.getClass() != Long.class) {
            allLongs = false;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = hash;
        if (allLongs) {
            longKeys[i] = (Long) key;
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
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == null) {
                break;
            }
            int home = hashes[j] >>> shift;
            // Move the entry at j into the gap unless its home lies cyclically in (gap, j].
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                hashes[gap] = hashes[j];
                longKeys[gap] = longKeys[j];
                gap = j;
            }
        }
        keys[gap] = null;
        values[gap] = null;
        if (size == 0) {
            allLongs = true;
        }
    }

    /** The slot holding {@code key}, or {@code ~slot} of the free slot where it would go; remembered as the last lookup. */
    private int find(Object key) {
        if (key == lastKey) {
            return lastSlot;
        }
        int i = indexOf(key, spread(key.hashCode()));
        int found = keys[i] == null ? ~i : i;
        lastKey = key;
        lastSlot = found;
        return found;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int indexOf(Object key, int hash) {
        int i = hash >>> shift;
        Object[] ks = keys;
        if (allLongs && key.getClass() == Long.class) {
            long value = (Long) key;
            while (ks[i] != null && longKeys[i] != value) {
                i = (i + 1) & mask;
            }
            return i;
        }
        for (Object k = ks[i]; k != null; k = ks[i]) {
            if (hashes[i] == hash && (k == key || k.equals(key))) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash(int capacity) {
        lastKey = null;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        long[] oldLongs = longKeys;
        allocate(capacity);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] >>> shift;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
                longKeys[i] = oldLongs[j];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
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
        return "StateMap{size=" + size + ", capacity=" + keys.length + ", keys=" + Arrays.toString(keys) + '}';
    }
}
