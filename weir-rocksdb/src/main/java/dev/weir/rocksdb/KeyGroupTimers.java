package dev.weir.rocksdb;

/**
 * The head cache of one key group's timers of one domain: the first few timers in firing order, a copy of what
 * RocksDB holds. Every timer of the key group not in the cache fires after the cache's last one, and when
 * {@link #exhausted} the cache holds them all. Firing reads from the cache; RocksDB is read again only when the cache
 * runs empty, from after the last timer it held, so the deleted entries of fired timers are never scanned again.
 */
final class KeyGroupTimers {
    /** How many timers a key group keeps in memory: small, as a subtask has up to a few hundred key groups per domain. */
    static final int CAPACITY = 32;

    final int keyGroup;
    private final byte domain;
    private final CachedTimer[] cache = new CachedTimer[CAPACITY];
    private int count;
    /** Whether the cache holds every timer of the key group. */
    private boolean exhausted;
    /** The order key the next load seeks to (every timer before it is gone); null: the key group's first. */
    private byte[] resumeAt;
    /** Position in the queue's heap of key groups, or -1 when the key group has no timer. */
    int heapIndex = -1;

    KeyGroupTimers(int keyGroup, byte domain) {
        this.keyGroup = keyGroup;
        this.domain = domain;
    }

    CachedTimer head() {
        return count == 0 ? null : cache[0];
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Whether the key group may have timers the cache does not hold, so an empty cache must be loaded. */
    boolean needsLoad() {
        return count == 0 && !exhausted;
    }

    /** Where the next load seeks: after the last timer the cache held, or the key group's first timer. */
    byte[] loadFrom() {
        return resumeAt != null ? resumeAt : TimerKeys.orderStart(keyGroup, domain);
    }

    /** Fills the empty cache with the key group's next timers; {@code all} when there are no more. */
    void loaded(CachedTimer[] timers, int n, boolean all) {
        System.arraycopy(timers, 0, cache, 0, n);
        count = n;
        exhausted = all;
    }

    /** A timer just stored: cached when it fires before the cache's last one, or when the cache holds them all. */
    void added(CachedTimer timer) {
        if (!exhausted && (count == 0 || !timer.firesBefore(cache[count - 1]))) {
            return;
        }
        int at = count;
        while (at > 0 && timer.firesBefore(cache[at - 1])) {
            at--;
        }
        if (count == CAPACITY) {
            // The last one stays in RocksDB only: it fires after every cached one, as the invariant needs.
            count--;
            exhausted = false;
            if (at == CAPACITY) {
                return;
            }
        }
        System.arraycopy(cache, at, cache, at + 1, count - at);
        cache[at] = timer;
        count++;
    }

    /** Removes the first timer (just fired). */
    CachedTimer poll() {
        CachedTimer head = cache[0];
        removeAt(0);
        return head;
    }

    /** A timer deleted from RocksDB: removed from the cache when it is there. */
    void removed(long timestamp, long sequence) {
        for (int i = 0; i < count; i++) {
            CachedTimer t = cache[i];
            if (t.timestamp == timestamp && t.sequence == sequence) {
                removeAt(i);
                return;
            }
            if (!t.firesBefore(timestamp, sequence)) {
                return;
            }
        }
    }

    /** Forgets the cache: the key group's timers will be read from RocksDB again (after a restore replaced them). */
    void reset() {
        java.util.Arrays.fill(cache, 0, count, null);
        count = 0;
        exhausted = false;
        resumeAt = null;
    }

    private void removeAt(int i) {
        CachedTimer removed = cache[i];
        System.arraycopy(cache, i + 1, cache, i, count - i - 1);
        cache[--count] = null;
        if (count == 0 && !exhausted) {
            // Every timer left fires after this one: the next load starts there, past the deleted entries.
            resumeAt = TimerKeys.orderKey(keyGroup, domain, removed.timestamp, removed.sequence);
        }
    }
}
