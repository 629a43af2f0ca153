package dev.weir.engine.windowing;

/**
 * A run of session firings appended in (max timestamp, version) order: a growable ring of arrays, first in, first
 * out. Appending and taking the head touch only the ends of the run, which stay in cache; see {@link SessionFirings}.
 */
final class SortedRun {
    private long[] times = new long[64];
    private long[] versions = new long[64];
    private long[] ids = new long[64];
    private int[] slots = new int[64];
    private int mask = 63;
    /** Positions of the head and one past the tail; they only grow, and index the arrays through {@link #mask}. */
    private int head;
    private int tail;

    boolean isEmpty() {
        return head == tail;
    }

    /** Whether (time, version) can be appended: the run is empty or its last firing does not come after it. */
    boolean accepts(long time, long version) {
        if (head == tail) {
            return true;
        }
        int last = (tail - 1) & mask;
        return times[last] < time || (times[last] == time && versions[last] <= version);
    }

    long tailTime() {
        return times[(tail - 1) & mask];
    }

    long tailVersion() {
        return versions[(tail - 1) & mask];
    }

    /** Appends a firing that {@link #accepts} says fits. */
    void append(long time, long version, int slot, long id) {
        if (tail - head == times.length) {
            grow();
        }
        int at = tail & mask;
        times[at] = time;
        versions[at] = version;
        ids[at] = id;
        slots[at] = slot;
        tail++;
    }

    long headTime() {
        return times[head & mask];
    }

    long headVersion() {
        return versions[head & mask];
    }

    long headId() {
        return ids[head & mask];
    }

    int headSlot() {
        return slots[head & mask];
    }

    void pop() {
                head++;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** Doubles the arrays, copying the live firings to the front in order. */
    private void grow() {
        int size = tail - head;
        int capacity = times.length * 2;
        times = unwrap(times, capacity);
        versions = unwrap(versions, capacity);
        ids = unwrap(ids, capacity);
        int[] moved = new int[capacity];
        for (int i = 0; i < size; i++) {
            moved[i] = slots[(head + i) & mask];
        }
        slots = moved;
        mask = capacity - 1;
        head = 0;
        tail = size;
    }

    private long[] unwrap(long[] values, int capacity) {
        long[] moved = new long[capacity];
        int size = tail - head;
        for (int i = 0; i < size; i++) {
            moved[i] = values[(head + i) & mask];
        }
        return moved;
    }

    @Override
    public String toString() {
        return "SortedRun{size=" + (tail - head) + ", capacity=" + times.length + "}";
    }
}
