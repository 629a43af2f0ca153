package dev.weir.engine.time;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The timers of one domain (event or processing time) of one timer service: a binary min-heap by (timestamp,
 * sequence) for firing, and a hash index by (key, namespace, timestamp) for dedup and delete. Registering a
 * duplicate and deleting allocate nothing: they probe the index with a reused entry.
 */
final class TimerQueue<N> {
    private final HashMap<TimerEntry<N>, TimerEntry<N>> index = new HashMap<>();
    private final TimerEntry<N> probe = new TimerEntry<>();
    @SuppressWarnings("unchecked")
    private TimerEntry<N>[] heap = new TimerEntry[16];
    private int size;

    /** Adds the timer unless one with the same key, namespace and timestamp exists; returns whether it was added. */
    boolean add(Object key, N namespace, long timestamp, long sequence) {
        if (find(key, namespace, timestamp, false) != null) {
            return false;
        }
        TimerEntry<N> entry = new TimerEntry<>(key, namespace, timestamp, sequence);
        index.put(entry, entry);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, entry);
        return true;
    }

    /** Removes the timer with this key, namespace and timestamp; returns whether there was one. */
    boolean remove(Object key, N namespace, long timestamp) {
        TimerEntry<N> entry = find(key, namespace, timestamp, true);
        if (entry == null) {
            return false;
        }
        removeAt(entry.heapIndex);
        return true;
    }

    /** The earliest timer, or null. */
    TimerEntry<N> peek() {
        return size == 0 ? null : heap[0];
    }

    /** Removes and returns the earliest timer, or null. */
    TimerEntry<N> poll() {
        if (size == 0) {
            return null;
        }
        TimerEntry<N> head = heap[0];
        index.remove(head);
        removeAt(0);
        return head;
    }

    int size() {
        return size;
    }

    /** The timer at a heap position, for snapshots: positions 0 to size-1 hold every timer, in no useful order. */
    TimerEntry<N> at(int position) {
        return heap[position];
    }

    private TimerEntry<N> find(Object key, N namespace, long timestamp, boolean remove) {
        probe.key = key;
        probe.namespace = namespace;
        probe.timestamp = timestamp;
        TimerEntry<N> found = remove ? index.remove(probe) : index.get(probe);
        probe.key = null;
        probe.namespace = null;
        return found;
    }

    private void removeAt(int position) {
        TimerEntry<N> removed = heap[position];
        removed.heapIndex = -1;
        int last = --size;
        TimerEntry<N> moved = heap[last];
        heap[last] = null;
        if (position == last) {
            return;
        }
        siftDown(position, moved);
        if (heap[position] == moved) {
            siftUp(position, moved);
        }
    }

    private void siftUp(int position, TimerEntry<N> entry) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            TimerEntry<N> above = heap[parent];
            if (!entry.firesBefore(above)) {
                break;
            }
            place(position, above);
            position = parent;
        }
        place(position, entry);
    }

    private void siftDown(int position, TimerEntry<N> entry) {
        int half = size >>> 1;
        while (position < half) {
            int child = 2 * position + 1;
            int right = child + 1;
            if (right < size && heap[right].firesBefore(heap[child])) {
                child = right;
            }
            if (!heap[child].firesBefore(entry)) {
                break;
            }
            place(position, heap[child]);
            position = child;
        }
        place(position, entry);
    }

    private void place(int position, TimerEntry<N> entry) {
        heap[position] = entry;
        entry.heapIndex = position;
    }
}
