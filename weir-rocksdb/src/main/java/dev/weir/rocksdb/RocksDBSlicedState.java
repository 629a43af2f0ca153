package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.KeyContext;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.SlicedKeyedState;
import dev.weir.engine.state.StateEntryVisitor;
import java.util.function.LongConsumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The slicing window operator's slices in a column family of their own, laid out by {@link SliceKeys} (key group,
 * slice, key), values serialized with the state serializer, with the open slices' entries held as objects by a
 * {@link SliceCache} in front of RocksDB. Snapshots see an entry as the key's value in namespace {@code slice start}
 * ({@code Long}) of the state, as the heap operator's slices are.
 */
final class RocksDBSlicedState implements SlicedKeyedState, AutoCloseable {
    /** Column family names of sliced states; a state's own name never starts with a NUL character in practice. */
    static final String COLUMN_PREFIX = "\u0000slices\u0000";
    /** How many deletes one write batch of a dropped slice holds. */
    private static final int DELETE_BATCH = 1024;

    private final RocksDBStateAccess access;
    private final RocksDBInstance rocks;
    private final ColumnFamilyHandle column;
    private final String name;
    private final StateKeys keys;
    private final KeyContext keyContext;
    private final KeyGroupRange range;
    private final StateSerializer serializer;
    private final SliceCache cache;
    /** The entry of the last access, while its key array and slice stay (an element's read, then its write). */
    private byte[] lastKey;
    private CachedSlice lastSlice;
    private int lastHash;
    private int lastEntry = CachedSlice.NONE;

    RocksDBSlicedState(RocksDBStateAccess access, RocksDBInstance rocks, ColumnFamilyHandle column, String name, StateKeys keys,
                       KeyContext keyContext, KeyGroupRange range, StateSerializer serializer, long cacheBudget) {
        this.access = access;
        this.rocks = rocks;
        this.column = column;
        this.name = name;
        this.keys = keys;
        this.keyContext = keyContext;
        this.range = range;
        this.serializer = serializer;
        this.cache = new SliceCache(rocks, column, name, serializer, cacheBudget, WriteBackCache.PROCESS_CACHES);
        // Restored slices are in RocksDB only: the cache knows them, and that it does not hold them.
        forEachStoredSlice(slice -> cache.slice(slice, true));
    }

    static boolean isSliceColumn(String columnName) {
        return columnName.startsWith(COLUMN_PREFIX);
    }

    static String stateOf(String columnName) {
        return columnName.substring(COLUMN_PREFIX.length());
    }

    @Override
    public Object get(long slice) {
        CachedSlice cached = locate(slice);
        if (lastEntry != CachedSlice.NONE) {
            return cached.values[lastEntry];
        }
        if (cached.complete) {
            return null;
        }
        byte[] bytes = access.get(column, SliceKeys.key(keys.currentKeyGroup(), slice, lastKey), name);
        return bytes == null ? null : serializer.deserialize(bytes);
    }

    @Override
    public void put(long slice, Object value) {
        CachedSlice cached = locate(slice);
        if (lastEntry != CachedSlice.NONE) {
            cache.set(cached, lastEntry, value);
        } else {
            lastEntry = cache.add(cached, lastKey, lastHash, keys.currentKeyGroup(), keyContext.getCurrentKey(), value);
        }
    }

    /** The cached slice of {@code slice} (added when missing), with {@link #lastEntry} the current key's entry there. */
    private CachedSlice locate(long slice) {
        byte[] key = keys.currentKeyBytes();
        if (key == null) {
            throw new IllegalStateException("window state '" + name + "' was accessed with no current key: it is only available "
                    + "while processing an element of a keyed stream (after keyBy)");
        }
        CachedSlice cached = lastSlice;
        if (key == lastKey && cached != null && cached.start == slice) {
            return cached;
        }
        if (key != lastKey) {
            lastHash = hash(key);
            lastKey = key;
        }
        cached = cache.slice(slice, false);
        lastSlice = cached;
        lastEntry = cached.find(key, lastHash);
        return cached;
    }

    private static int hash(byte[] key) {
        int h = java.util.Arrays.hashCode(key);
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    @Override
    public void forEachSlice(LongConsumer slices) {
        cache.forEachSlice(slices);
    }

    /** Hands each slice RocksDB holds entries of to {@code slices}, once. */
    private void forEachStoredSlice(LongConsumer slices) {
        try (RocksIterator it = rocks.newIterator(column)) {
            for (int group = range.getStartKeyGroup(); group <= range.getEndKeyGroup(); group++) {
                byte[] groupPrefix = StateKeys.keyGroupPrefix(group);
                for (it.seek(groupPrefix); it.isValid() && StateKeys.startsWith(it.key(), groupPrefix); ) {
                    long slice = SliceKeys.slice(it.key());
                    if (cache.find(slice) == null) {
                        slices.accept(slice);
                    }
                    if (slice == Long.MAX_VALUE) {
                        break;
                    }
                    it.seek(SliceKeys.prefix(group, slice + 1));
                }
            }
        }
    }

    /**
     * A slice held whole by the cache is read from the heap; any other is first written out of the cache and read from
     * RocksDB. Every slice but the first hands out copies: later windows read it too (the first never is: a later
     * window starts after it).
     */
    @Override
    public Cursor read(long[] slices, int count) {
        lastSlice = null;
        SliceRun[] runs = new SliceRun[count];
        for (int i = 0; i < count; i++) {
            CachedSlice cached = cache.find(slices[i]);
            if (cached == null) {
                continue;
            }
            if (cached.complete) {
                runs[i] = new SliceRun.Cached(cached, i > 0, serializer);
            } else {
                cache.evict(cached);
                runs[i] = new SliceRun.Stored(rocks.newIterator(column), slices[i], range.getStartKeyGroup(), range.getEndKeyGroup(),
                        serializer);
            }
        }
        return new RocksDBSliceCursor(runs);
    }

    /** Writes the cached slices' changes to RocksDB, keeping them cached: before a snapshot reads RocksDB. */
    void flush() {
        cache.flush();
    }

    /**
     * Drops the slice from the cache, and from RocksDB when it went there: by its keys when the cache holds them all,
     * else entry by entry rather than as a range per key group: reads would otherwise pass over a range tombstone for
     * every key group of every slice dropped until compaction (each new iterator fragments them all), which made a
     * window of many slices over few keys tens of times slower.
     */
    @Override
    public void remove(long slice) {
        lastSlice = null;
        CachedSlice cached = cache.find(slice);
        if (cached != null) {
            boolean written = cached.inRocks && cache.deleteWrittenKeys(cached);
            cache.drop(cached);
            if (!cached.inRocks || written) {
                return;
            }
        }
        try (RocksIterator it = rocks.newIterator(column); WriteBatch batch = new WriteBatch()) {
            for (int group = range.getStartKeyGroup(); group <= range.getEndKeyGroup(); group++) {
                byte[] prefix = SliceKeys.prefix(group, slice);
                for (it.seek(prefix); it.isValid() && StateKeys.startsWith(it.key(), prefix); it.next()) {
                    batch.delete(column, it.key());
                    if (batch.count() >= DELETE_BATCH) {
                        rocks.db().write(rocks.writeOptions(), batch);
                        batch.clear();
                    }
                }
            }
            rocks.db().write(rocks.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not drop slice " + slice + " of window state '" + name + "' in "
                    + rocks.directory() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        cache.close();
    }

    /** Visits the entries of one key group of a sliced state's column in the stored form snapshots hold. */
    static void visit(String name, RocksDB db, ColumnFamilyHandle column, int keyGroup, StateSerializer serializer,
                      StateEntryVisitor visitor) throws Exception {
        byte[] prefix = StateKeys.keyGroupPrefix(keyGroup);
        try (RocksIterator it = db.newIterator(column)) {
            for (it.seek(prefix); it.isValid() && StateKeys.startsWith(it.key(), prefix); it.next()) {
                byte[] k = it.key();
                Object key = serializer.deserialize(k, SliceKeys.PREFIX_BYTES, k.length - SliceKeys.PREFIX_BYTES);
                visitor.visit(name, key, SliceKeys.slice(k), serializer.deserialize(it.value()));
            }
        }
    }
}
