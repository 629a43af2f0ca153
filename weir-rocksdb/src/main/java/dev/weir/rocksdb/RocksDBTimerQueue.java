package dev.weir.rocksdb;

import dev.weir.engine.state.KeyGroupRange;
import org.rocksdb.RocksIterator;

/**
 * The timers of one domain (event or processing time) of one timer service, in RocksDB: per key group a run of
 * order entries with a small head cache ({@link KeyGroupTimers}), and a min-heap of the key groups by their first
 * timer, so the earliest timer of the subtask is found without reading RocksDB. Timers are written through: RocksDB
 * always holds them all, which is what a checkpoint copies. Only the heads live on the heap, so a subtask may hold
 * far more timers than memory. Used by the task's thread only.
 */
final class RocksDBTimerQueue {
    private final TimerColumn column;
    private final byte domain;
    private final int firstKeyGroup;
    private final KeyGroupTimers[] groups;
    private final KeyGroupTimers[] heap;
    private int heapSize;
    /** Whether every key group's cache reflects RocksDB; false until first used and after a restore. */
    private boolean loaded;
    /** How many timers the queue holds, or -1 until counted (after a restore). */
    private long size;
    /** The key-and-namespace bytes and timestamp of a timer known to exist: a window's elements register it again and again. */
    private byte[] presentKeyAndNamespace;
    private long presentTimestamp;
    private final CachedTimer[] loadBuffer = new CachedTimer[KeyGroupTimers.CAPACITY];

    RocksDBTimerQueue(TimerColumn column, byte domain, KeyGroupRange range, boolean fresh) {
        this.column = column;
        this.domain = domain;
        this.firstKeyGroup = range.getStartKeyGroup();
        this.groups = new KeyGroupTimers[range.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new KeyGroupTimers(firstKeyGroup + i, domain);
        }
        this.heap = new KeyGroupTimers[groups.length];
        this.size = fresh ? 0 : -1;
    }

    /**
     * Stores the timer unless one with the same key, namespace and timestamp exists; returns whether it was added.
     * {@code keyAndNamespace} must not change afterwards (it is kept as the order entry's value and in the cache).
     */
    boolean add(byte[] keyAndNamespace, Object key, Object namespace, long timestamp, long sequence) {
        if (keyAndNamespace == presentKeyAndNamespace && timestamp == presentTimestamp) {
            return false;
        }
        byte[] index = TimerKeys.indexKey(keyAndNamespace, domain, timestamp);
        if (column.get(index) != null) {
            remember(keyAndNamespace, timestamp);
            return false;
        }
        int keyGroup = StateKeys.keyGroup(keyAndNamespace);
        column.put(TimerKeys.orderKey(keyGroup, domain, timestamp, sequence), keyAndNamespace, index, TimerKeys.sequenceBytes(sequence));
        remember(keyAndNamespace, timestamp);
        if (size >= 0) {
            size++;
        }
        if (loaded) {
            KeyGroupTimers group = groups[keyGroup - firstKeyGroup];
            CachedTimer before = group.head();
            group.added(new CachedTimer(timestamp, sequence, key, namespace, keyAndNamespace));
            if (group.head() != before) {
                headChanged(group, before == null);
            }
        }
        return true;
    }

    /** Deletes the timer with this key, namespace and timestamp; returns whether there was one. */
    boolean remove(byte[] keyAndNamespace, long timestamp) {
        byte[] index = TimerKeys.indexKey(keyAndNamespace, domain, timestamp);
        byte[] sequenceBytes = column.get(index);
        if (sequenceBytes == null) {
            return false;
        }
        forget();
        long sequence = TimerKeys.readLong(sequenceBytes, 0);
        int keyGroup = StateKeys.keyGroup(keyAndNamespace);
        column.delete(TimerKeys.orderKey(keyGroup, domain, timestamp, sequence), index);
        if (size >= 0) {
            size--;
        }
        if (loaded) {
            KeyGroupTimers group = groups[keyGroup - firstKeyGroup];
            CachedTimer before = group.head();
            group.removed(timestamp, sequence);
            refill(group);
            if (group.head() != before) {
                headChanged(group, false);
            }
        }
        return true;
    }

    /** The earliest timer, or null. */
    CachedTimer peek() {
        ensureLoaded();
        return heapSize == 0 ? null : heap[0].head();
    }

    /** Removes and returns the earliest timer (deleting its entries), or null. */
    CachedTimer poll() {
        ensureLoaded();
        if (heapSize == 0) {
            return null;
        }
        forget();
        KeyGroupTimers group = heap[0];
        CachedTimer timer = group.poll();
        column.delete(TimerKeys.orderKey(group.keyGroup, domain, timer.timestamp, timer.sequence),
                TimerKeys.indexKey(timer.keyAndNamespace, domain, timer.timestamp));
        if (size > 0) {
            size--;
        }
        refill(group);
        headChanged(group, false);
        return timer;
    }

    /** How many timers the queue holds; counted in RocksDB the first time after a restore. */
    long size() {
        if (size < 0) {
            long n = 0;
            try (RocksIterator it = column.newIterator()) {
                for (KeyGroupTimers group : groups) {
                    for (it.seek(TimerKeys.orderStart(group.keyGroup, domain)); it.isValid()
                            && TimerKeys.isOrderEntry(it.key(), group.keyGroup, domain); it.next()) {
                        n++;
                    }
                }
            }
            size = n;
        }
        return size;
    }

    /** Forgets every cache and count: a restore changed what RocksDB holds. */
    void reset() {
        for (KeyGroupTimers group : groups) {
            group.reset();
            group.heapIndex = -1;
        }
        java.util.Arrays.fill(heap, null);
        heapSize = 0;
        loaded = false;
        size = -1;
        forget();
    }

    private void remember(byte[] keyAndNamespace, long timestamp) {
        presentKeyAndNamespace = keyAndNamespace;
        presentTimestamp = timestamp;
    }

    private void forget() {
        presentKeyAndNamespace = null;
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (KeyGroupTimers group : groups) {
            refill(group);
            if (!group.isEmpty()) {
                headChanged(group, true);
            }
        }
    }

    /** Loads a key group's next timers from RocksDB when its cache ran empty but RocksDB may hold more. */
    private void refill(KeyGroupTimers group) {
        if (!group.needsLoad()) {
            return;
        }
        int n = 0;
        boolean all = true;
        try (RocksIterator it = column.newIterator()) {
            for (it.seek(group.loadFrom()); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (!TimerKeys.isOrderEntry(k, group.keyGroup, domain)) {
                    break;
                }
                if (n == loadBuffer.length) {
                    all = false;
                    break;
                }
                byte[] keyAndNamespace = it.value();
                loadBuffer[n++] = new CachedTimer(TimerKeys.timestamp(k), TimerKeys.sequence(k), column.key(keyAndNamespace),
                        column.namespace(keyAndNamespace), keyAndNamespace);
            }
        }
        group.loaded(loadBuffer, n, all);
        java.util.Arrays.fill(loadBuffer, 0, n, null);
    }

    /** Puts a key group whose first timer changed at its place in the heap (or out of it, when it has none). */
    private void headChanged(KeyGroupTimers group, boolean wasAbsent) {
        if (group.isEmpty()) {
            if (group.heapIndex >= 0) {
                removeAt(group.heapIndex);
            }
            return;
        }
        if (wasAbsent || group.heapIndex < 0) {
            heap[heapSize] = group;
            group.heapIndex = heapSize;
            heapSize++;
        }
        siftUp(group.heapIndex);
        siftDown(group.heapIndex);
    }

    private void removeAt(int position) {
        KeyGroupTimers removed = heap[position];
        removed.heapIndex = -1;
        int last = --heapSize;
        KeyGroupTimers moved = heap[last];
        heap[last] = null;
        if (position == last) {
            return;
        }
        heap[position] = moved;
        moved.heapIndex = position;
        siftUp(position);
        siftDown(moved.heapIndex);
    }

    private void siftUp(int position) {
        KeyGroupTimers group = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            KeyGroupTimers above = heap[parent];
            if (!group.head().firesBefore(above.head())) {
                break;
            }
            place(position, above);
            position = parent;
        }
        place(position, group);
    }

    private void siftDown(int position) {
        KeyGroupTimers group = heap[position];
        int half = heapSize >>> 1;
        while (position < half) {
            int child = 2 * position + 1;
            int right = child + 1;
            if (right < heapSize && heap[right].head().firesBefore(heap[child].head())) {
                child = right;
            }
            if (!heap[child].head().firesBefore(group.head())) {
                break;
            }
            place(position, heap[child]);
            position = child;
        }
        place(position, group);
    }

    private void place(int position, KeyGroupTimers group) {
        heap[position] = group;
        group.heapIndex = position;
    }
}
