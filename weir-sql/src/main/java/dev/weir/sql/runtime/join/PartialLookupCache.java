package dev.weir.sql.runtime.join;

import dev.weir.types.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup join's partial cache, as Flink's {@code DefaultLookupCache}: at most {@code maxRows} keys (the least
 * recently used goes first), each entry expiring {@code expireAfterWrite} after it was loaded and, if set,
 * {@code expireAfterAccess} after it was last read; a key without rows is cached only with {@code cacheMissingKey}.
 * Time is the caller's (the task's processing time), so tests drive expiry exactly. One instance per subtask,
 * used by the task thread only.
 */
final class PartialLookupCache {
    private static final class Entry {
        final List<Row> rows;
        final long writtenAt;
        long accessedAt;

        Entry(List<Row> rows, long now) {
            this.rows = rows;
            this.writtenAt = now;
            this.accessedAt = now;
        }
    }

    private final long expireAfterWriteMillis;
    private final long expireAfterAccessMillis;
    private final boolean cacheMissingKey;
    private final LinkedHashMap<Row, Entry> entries;

    PartialLookupCache(long maxRows, long expireAfterWriteMillis, long expireAfterAccessMillis, boolean cacheMissingKey) {
        this.expireAfterWriteMillis = expireAfterWriteMillis;
        this.expireAfterAccessMillis = expireAfterAccessMillis;
        this.cacheMissingKey = cacheMissingKey;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Row, Entry> eldest) {
                return size() > maxRows;
            }
        };
    }

    /** The cached rows of {@code key} at time {@code now}, or null when absent or expired (an expired entry is dropped). */
    List<Row> get(Row key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if ((expireAfterWriteMillis > 0 && now - e.writtenAt >= expireAfterWriteMillis)
                || (expireAfterAccessMillis > 0 && now - e.accessedAt >= expireAfterAccessMillis)) {
            entries.remove(key);
            return null;
        }
        e.accessedAt = now;
        return e.rows;
    }

    /** Caches what a lookup of {@code key} found at {@code now}; {@code key} must not be changed afterwards. */
    void put(Row key, List<Row> rows, long now) {
        if (rows.isEmpty() && !cacheMissingKey) {
            return;
        }
        entries.put(key, new Entry(rows, now));
    }

    int size() {
        return entries.size();
    }
}
