package dev.weir.engine.time;

import java.util.Arrays;

/**
 * The timers of one domain (event or processing time) of one timer service: a binary min-heap by (timestamp,
 * sequence) for firing, and an open-addressing index by (key, namespace, timestamp) for dedup and delete.
 *
 * <p>Timers live in parallel arrays indexed by heap position (timestamps and sequences as {@code long}s, key and
 * namespace as references the caller already holds), and the index is an {@code int} table of heap positions, so
 * once the arrays have grown to the number of live timers, registering, deduplicating, deleting and firing allocate
 * nothing: no entry object and no hash-map node per timer, as the previous object heap needed.
 */
final class TimerQueue<N> {
    private static final int EMPTY = -1;

    private long[] timestamps = new long[16];
    private long[] sequences = new long[16];
    private Object[] keys = new Object[16];
    private Object[] namespaces = new Object[16];
    /** Each timer's hash, so that probes compare it first and a delete can find the home slot of the entries it shifts. */
    private int[] hashes = new int[16];
    /** Each timer's slot in {@link #index}, so that moving a timer in the heap updates the index in one write. */
    private int[] indexSlots = new int[16];
    private int size;
    /** Heap positions by hash, linear probing; {@link #EMPTY} marks a free slot. Kept at most half full. */
    private int[] index = emptyIndex(32);
    private int indexMask = 31;

    /** Adds the timer unless one with the same key, namespace and timestamp exists; returns whether it was added. */
    boolean add(Object key, N namespace, long timestamp, long sequence) {
        int hash = hash(key, namespace, timestamp);
        int slot = hash & indexMask;
        for (int position; (position = index[slot]) != EMPTY; slot = (slot + 1) & indexMask) {
            if (matches(position, hash, key, namespace, timestamp)) {
                return false;
            }
        }
        if (size == timestamps.length) {
            growArrays();
        }
        int position = size++;
        index[slot] = position;
        indexSlots[position] = slot;
        hashes[position] = hash;
        timestamps[position] = timestamp;
        sequences[position] = sequence;
        keys[position] = key;
        namespaces[position] = namespace;
        siftUp(position);
        if (size * 2 > index.length) {
            growIndex();
        }
        return true;
    }

    /** Removes the timer with this key, namespace and timestamp; returns whether there was one. */
    boolean remove(Object key, N namespace, long timestamp) {
        int hash = hash(key, namespace, timestamp);
        for (int slot = hash & indexMask, position; (position = index[slot]) != EMPTY; slot = (slot + 1) & indexMask) {
            if (matches(position, hash, key, namespace, timestamp)) {
                removeAt(position);
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest timer's timestamp; only when not {@link #isEmpty}. */
    long headTimestamp() {
        return timestamps[0];
    }

    /** Whether this queue's earliest timer fires before the other's; both must be non-empty. */
    boolean headFiresBefore(TimerQueue<?> other) {
        long time = timestamps[0];
        long otherTime = other.timestamps[0];
        return time < otherTime || (time == otherTime && sequences[0] < other.sequences[0]);
    }

    /** Removes the earliest timer and copies it into {@code into}, which the caller reuses for every timer. */
    void pollInto(TimerEntry<N> into) {
        into.set(keys[0], namespace(0), timestamps[0]);
        removeAt(0);
    }

    /** The key of the timer at a heap position, for snapshots: positions 0 to size-1 hold every timer, in no useful order. */
    Object keyAt(int position) {
        return keys[position];
    }

    N namespaceAt(int position) {
        return namespace(position);
    }

    long timestampAt(int position) {
        return timestamps[position];
    }

    @SuppressWarnings("unchecked")
    private N namespace(int position) {
        return (N) namespaces[position];
    }

    private boolean matches(int position, int hash, Object key, Object namespace, long timestamp) {
        return hashes[position] == hash && timestamps[position] == timestamp && key.equals(keys[position])
                && namespace.equals(namespaces[position]);
    }

    private void removeAt(int position) {
        deleteFromIndex(indexSlots[position]);
        int last = --size;
        if (position != last) {
            move(last, position);
            keys[last] = null;
            namespaces[last] = null;
            if (!siftDown(position)) {
                siftUp(position);
            }
        } else {
            keys[last] = null;
            namespaces[last] = null;
        }
    }

    /** Frees an index slot and shifts back the entries of its probe run that would no longer be found. */
    private void deleteFromIndex(int freed) {
        int mask = indexMask;
        int slot = freed;
        while (true) {
            slot = (slot + 1) & mask;
            int position = index[slot];
            if (position == EMPTY) {
                break;
            }
            int home = hashes[position] & mask;
            // The entry may fill the hole unless its home lies cyclically in (freed, slot].
            boolean homeBetween = freed <= slot ? (freed < home && home <= slot) : (freed < home || home <= slot);
            if (!homeBetween) {
                index[freed] = position;
                indexSlots[position] = freed;
                freed = slot;
            }
        }
        index[freed] = EMPTY;
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!firesBefore(position, parent)) {
                return;
            }
            swap(position, parent);
            position = parent;
        }
    }

    /** Returns whether the timer moved down. */
    private boolean siftDown(int position) {
        int start = position;
        int half = size >>> 1;
        while (position < half) {
            int child = 2 * position + 1;
            int right = child + 1;
            if (right < size && firesBefore(right, child)) {
                child = right;
            }
            if (!firesBefore(child, position)) {
                break;
            }
            swap(position, child);
            position = child;
        }
        return position != start;
    }

    private boolean firesBefore(int a, int b) {
        long ta = timestamps[a];
        long tb = timestamps[b];
        return ta < tb || (ta == tb && sequences[a] < sequences[b]);
    }

    private void swap(int a, int b) {
        long t = timestamps[a];
        timestamps[a] = timestamps[b];
        timestamps[b] = t;
        long s = sequences[a];
        sequences[a] = sequences[b];
        sequences[b] = s;
        Object k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        Object n = namespaces[a];
        namespaces[a] = namespaces[b];
        namespaces[b] = n;
        int h = hashes[a];
        hashes[a] = hashes[b];
        hashes[b] = h;
        int slotA = indexSlots[a];
        int slotB = indexSlots[b];
        indexSlots[a] = slotB;
        indexSlots[b] = slotA;
        index[slotB] = a;
        index[slotA] = b;
    }

    private void move(int from, int to) {
        timestamps[to] = timestamps[from];
        sequences[to] = sequences[from];
        keys[to] = keys[from];
        namespaces[to] = namespaces[from];
        hashes[to] = hashes[from];
        int slot = indexSlots[from];
        indexSlots[to] = slot;
        index[slot] = to;
    }

    private void growArrays() {
        int capacity = timestamps.length * 2;
        timestamps = Arrays.copyOf(timestamps, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        keys = Arrays.copyOf(keys, capacity);
        namespaces = Arrays.copyOf(namespaces, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        indexSlots = Arrays.copyOf(indexSlots, capacity);
    }

    private void growIndex() {
        index = emptyIndex(index.length * 2);
        indexMask = index.length - 1;
        for (int position = 0; position < size; position++) {
            int slot = hashes[position] & indexMask;
            while (index[slot] != EMPTY) {
                slot = (slot + 1) & indexMask;
            }
            index[slot] = position;
            indexSlots[position] = slot;
        }
    }

    private static int[] emptyIndex(int capacity) {
        int[] table = new int[capacity];
        Arrays.fill(table, EMPTY);
        return table;
    }

    /** The (key, namespace, timestamp) hash, spread so that sequential keys and timestamps do not cluster the probes. */
    private static int hash(Object key, Object namespace, long timestamp) {
        int h = 31 * (31 * key.hashCode() + namespace.hashCode()) + Long.hashCode(timestamp);
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
