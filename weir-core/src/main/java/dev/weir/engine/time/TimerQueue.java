package dev.weir.engine.time;

import java.util.Arrays;

/**
 * The timers of one domain (event or processing time) of one timer service: a four-ary min-heap by (timestamp,
 * sequence) for firing, and an open-addressing index by (key, namespace, timestamp) for dedup and delete.
 *
 * <p>Each timer has a slot that never moves while it lives (its key, namespace, key group and hash, in parallel arrays),
 * and the heap holds only what ordering reads: timestamps, sequences and slots, by heap position. Moving a timer in the
 * heap writes those three and the slot's position, never the index, and the four children of a node share a cache
 * line of timestamps, so a heap twice as shallow as a binary one costs no more per level. Once the arrays have grown to
 * the number of live timers, registering, deduplicating, deleting and firing allocate nothing. Slots freed by firing are
 * reused first, and the queue starts over from slot 0 whenever it empties, so the live slots stay compact.
 */
final class TimerQueue<N> {
    private static final int EMPTY = -1;
    private static final int INITIAL_CAPACITY = 16;

    /** By heap position: what ordering compares, and the timer's slot. */
    private long[] heapTimes = new long[INITIAL_CAPACITY];
    private long[] heapSequences = new long[INITIAL_CAPACITY];
    private int[] heapSlots = new int[INITIAL_CAPACITY];
    private int size;

    /** By slot: the timer's identity, and where it sits in the heap. */
    private Object[] keys = new Object[INITIAL_CAPACITY];
    private Object[] namespaces = new Object[INITIAL_CAPACITY];
    private int[] keyGroups = new int[INITIAL_CAPACITY];
    /** Each timer's hash, so that probes compare it first and a delete can find the home slot of the entries it shifts. */
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int[] positions = new int[INITIAL_CAPACITY];
    /** Freed slots, reused last-freed first; slots at or above {@link #usedSlots} were never taken since the queue emptied. */
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int usedSlots;

    /** Slots by hash, linear probing; {@link #EMPTY} marks a free entry. Kept at most half full. */
    private int[] index = emptyIndex(2 * INITIAL_CAPACITY);
    private int indexMask = 2 * INITIAL_CAPACITY - 1;

    /**
     * Adds the timer unless one with the same key, namespace and timestamp exists; returns whether it was added.
     * {@code keyGroup} is the key's key group, or -1 when the caller does not know it.
     */
    boolean add(Object key, N namespace, int keyGroup, long timestamp, long sequence) {
        int hash = hash(key, namespace, timestamp);
        int mask = indexMask;
        int entry = hash & mask;
        for (int slot; (slot = index[entry]) != EMPTY; entry = (entry + 1) & mask) {
            if (matches(slot, hash, key, namespace, timestamp)) {
                return false;
            }
        }
        if (size == heapTimes.length) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : usedSlots++;
        index[entry] = slot;
        keys[slot] = key;
        namespaces[slot] = namespace;
        keyGroups[slot] = keyGroup;
        hashes[slot] = hash;
        siftUp(size++, timestamp, sequence, slot);
        if (size * 2 > index.length) {
            growIndex();
        }
        return true;
    }

    /** Removes the timer with this key, namespace and timestamp; returns whether there was one. */
    boolean remove(Object key, N namespace, long timestamp) {
        int hash = hash(key, namespace, timestamp);
        for (int entry = hash & indexMask, slot; (slot = index[entry]) != EMPTY; entry = (entry + 1) & indexMask) {
            if (matches(slot, hash, key, namespace, timestamp)) {
                removeAt(positions[slot]);
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
        return heapTimes[0];
    }

    /** Whether this queue's earliest timer fires before the other's; both must be non-empty. */
    boolean headFiresBefore(TimerQueue<?> other) {
        long time = heapTimes[0];
        long otherTime = other.heapTimes[0];
        return time < otherTime || (time == otherTime && heapSequences[0] < other.heapSequences[0]);
    }

    /** Removes the earliest timer and copies it into {@code into}, which the caller reuses for every timer. */
    void pollInto(TimerEntry<N> into) {
        int slot = heapSlots[0];
        into.set(keys[slot], namespace(slot), keyGroups[slot], heapTimes[0]);
        removeAt(0);
    }

    /** The key of the timer at a heap position, for snapshots: positions 0 to size-1 hold every timer, in no useful order. */
    Object keyAt(int position) {
        return keys[heapSlots[position]];
    }

    N namespaceAt(int position) {
        return namespace(heapSlots[position]);
    }

    long timestampAt(int position) {
        return heapTimes[position];
    }

    @SuppressWarnings("unchecked")
    private N namespace(int slot) {
        return (N) namespaces[slot];
    }

    private boolean matches(int slot, int hash, Object key, Object namespace, long timestamp) {
        return hashes[slot] == hash && heapTimes[positions[slot]] == timestamp && key.equals(keys[slot])
                && namespace.equals(namespaces[slot]);
    }

    private void removeAt(int position) {
        int slot = heapSlots[position];
        deleteFromIndex(slot);
        keys[slot] = null;
        namespaces[slot] = null;
        int last = --size;
        if (size == 0) {
            freeCount = 0;
            usedSlots = 0;
            return;
        }
        freeSlots[freeCount++] = slot;
        if (position == last) {
            return;
        }
        long time = heapTimes[last];
        long sequence = heapSequences[last];
        int moving = heapSlots[last];
        if (position > 0 && firesBefore(time, sequence, parent(position))) {
            siftUp(position, time, sequence, moving);
        } else {
            siftDown(position, time, sequence, moving);
        }
    }

    /** Frees the index entry of {@code slot} and shifts back the entries of its probe run that would no longer be found. */
    private void deleteFromIndex(int slot) {
        int mask = indexMask;
        int freed = hashes[slot] & mask;
        while (index[freed] != slot) {
            freed = (freed + 1) & mask;
        }
        int entry = freed;
        while (true) {
            entry = (entry + 1) & mask;
            int other = index[entry];
            if (other == EMPTY) {
                break;
            }
            int home = hashes[other] & mask;
            // The entry may fill the hole unless its home lies cyclically in (freed, entry].
            boolean homeBetween = freed <= entry ? (freed < home && home <= entry) : (freed < home || home <= entry);
            if (!homeBetween) {
                index[freed] = other;
                freed = entry;
            }
        }
        index[freed] = EMPTY;
    }

    /** Puts the timer (time, sequence, slot) at {@code position} or above, moving later-firing parents down. */
    private void siftUp(int position, long time, long sequence, int slot) {
        while (position > 0) {
            int parent = parent(position);
            if (!firesBefore(time, sequence, parent)) {
                break;
            }
            place(position, heapTimes[parent], heapSequences[parent], heapSlots[parent]);
            position = parent;
        }
        place(position, time, sequence, slot);
    }

    /** Puts the timer (time, sequence, slot) at {@code position} or below, moving earlier-firing children up. */
    private void siftDown(int position, long time, long sequence, int slot) {
        int n = size;
        while (true) {
            int first = (position << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = heapTimes[first];
            long bestSequence = heapSequences[first];
            for (int child = first + 1, end = Math.min(first + 4, n); child < end; child++) {
                long childTime = heapTimes[child];
                if (childTime < bestTime || (childTime == bestTime && heapSequences[child] < bestSequence)) {
                    best = child;
                    bestTime = childTime;
                    bestSequence = heapSequences[child];
                }
            }
            if (time < bestTime || (time == bestTime && sequence < bestSequence)) {
                break;
            }
            place(position, bestTime, bestSequence, heapSlots[best]);
            position = best;
        }
        place(position, time, sequence, slot);
    }

    private static int parent(int position) {
        return (position - 1) >>> 2;
    }

    /** Whether the timer (time, sequence) fires before the one at heap position {@code other}. */
    private boolean firesBefore(long time, long sequence, int other) {
        long otherTime = heapTimes[other];
        return time < otherTime || (time == otherTime && sequence < heapSequences[other]);
    }

    private void place(int position, long time, long sequence, int slot) {
        heapTimes[position] = time;
        heapSequences[position] = sequence;
        heapSlots[position] = slot;
        positions[slot] = position;
    }

    private void grow() {
        int capacity = heapTimes.length * 2;
        heapTimes = Arrays.copyOf(heapTimes, capacity);
        heapSequences = Arrays.copyOf(heapSequences, capacity);
        heapSlots = Arrays.copyOf(heapSlots, capacity);
        keys = Arrays.copyOf(keys, capacity);
        namespaces = Arrays.copyOf(namespaces, capacity);
        keyGroups = Arrays.copyOf(keyGroups, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        positions = Arrays.copyOf(positions, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    private void growIndex() {
        index = emptyIndex(index.length * 2);
        indexMask = index.length - 1;
        for (int position = 0; position < size; position++) {
            int slot = heapSlots[position];
            int entry = hashes[slot] & indexMask;
            while (index[entry] != EMPTY) {
                entry = (entry + 1) & indexMask;
            }
            index[entry] = slot;
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
