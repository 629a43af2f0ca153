package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The open window slices of one {@link RocksDBSlicedState} held on the heap as objects, in front of RocksDB: an
 * element's read-modify-write of its key's partial aggregate is a hash lookup, with no native call and no
 * serialization, and a slice that never left the heap fires from here and is dropped without touching RocksDB.
 *
 * <p>Entries reach RocksDB only when the cache outgrows its budget (every slice's entries are written in one batch
 * per slice and dropped, and those slices read RocksDB again for keys not here), before every snapshot
 * ({@link #flush}, entries stay, clean), and when a slice no longer complete here is read for a firing. The budget is
 * a share of the write-back cache's ({@code state.backend.rocksdb.write-back-cache.size}), which this cache shares
 * with the backends' value caches ({@link WriteBackCache#PROCESS_CACHES}); an entry counts its serialized key, a
 * fixed overhead and twice its value's serialized size, sampled every {@value #SAMPLE_EVERY} writes (a partial
 * aggregate as objects takes about that on the heap). Used by the task's thread only.
 */
final class SliceCache implements AutoCloseable {
    /** What an entry costs beside its key and value: its slots in six arrays and the table, the key array's header. */
    static final int ENTRY_OVERHEAD = 96;
    /** One value in this many writes is serialized to follow how large the partial aggregates are. */
    static final int SAMPLE_EVERY = 128;

    private final RocksDBInstance rocks;
    private final ColumnFamilyHandle column;
    private final String stateName;
    private final StateSerializer serializer;
    private final long budget;
    private final AtomicInteger sharers;
    private final HeapWriteBatch batch = new HeapWriteBatch();
    private int columnId = -1;

    private CachedSlice[] slices = new CachedSlice[4];
    private int sliceCount;
    private CachedSlice last;

    private long entries;
    private long keyBytes;
    /** Bytes one value is taken to hold on the heap: twice the sampled serialized sizes, rising at once, decaying slowly. */
    private long valueEstimate;
    private int writes;
    private boolean closed;

    SliceCache(RocksDBInstance rocks, ColumnFamilyHandle column, String stateName, StateSerializer serializer, long budget,
               AtomicInteger sharers) {
        this.rocks = rocks;
        this.column = column;
        this.stateName = stateName;
        this.serializer = serializer;
        this.budget = budget;
        this.sharers = sharers;
        sharers.incrementAndGet();
    }

    /** The cached slice starting at {@code start}, or null. */
    CachedSlice find(long start) {
        CachedSlice s = last;
        if (s != null && s.start == start) {
            return s;
        }
        for (int i = 0; i < sliceCount; i++) {
            if (slices[i].start == start) {
                last = slices[i];
                return last;
            }
        }
        return null;
    }

    /** The cached slice starting at {@code start}, added when missing; {@code inRocks} says whether RocksDB holds some of it. */
    CachedSlice slice(long start, boolean inRocks) {
        CachedSlice s = find(start);
        if (s == null) {
            if (sliceCount == slices.length) {
                slices = Arrays.copyOf(slices, sliceCount * 2);
            }
            s = new CachedSlice(start, inRocks);
            slices[sliceCount++] = s;
            last = s;
        }
        return s;
    }

    /** Hands each slice holding entries here or in RocksDB to {@code visitor}. */
    void forEachSlice(java.util.function.LongConsumer visitor) {
        for (int i = 0; i < sliceCount; i++) {
            if (slices[i].size > 0 || slices[i].inRocks) {
                visitor.accept(slices[i].start);
            }
        }
    }

    /**
     * Adds an entry to {@code slice} and returns its number; when the cache is then over its budget, writes every slice
     * out and drops their entries, and returns {@link CachedSlice#NONE}.
     */
    int add(CachedSlice slice, byte[] key, int hash, int keyGroup, Object keyObject, Object value) {
        int e = slice.add(key, hash, keyGroup, keyObject, value, true);
        entries++;
        keyBytes += key.length;
        sample(value);
        if (estimatedBytes() > capacity() || slice.size >= CachedSlice.MAX_ENTRIES) {
            evictAll();
            return CachedSlice.NONE;
        }
        return e;
    }

    /** Replaces entry {@code e} of {@code slice}. */
    void set(CachedSlice slice, int e, Object value) {
        slice.set(e, value);
        sample(value);
    }

    private void sample(Object value) {
        if (writes++ % SAMPLE_EVERY == 0) {
            long size = 2L * serializer.serialize(value).length;
            valueEstimate = Math.max(size, valueEstimate - (valueEstimate >> 3) + (size >> 3));
        }
    }

    private long estimatedBytes() {
        return entries * (ENTRY_OVERHEAD + valueEstimate) + keyBytes;
    }

    /** This cache's share of the process's budget. */
    long capacity() {
        return budget / Math.max(1, sharers.get());
    }

    /** Writes every slice's changed entries to RocksDB, keeping them here (before a snapshot reads RocksDB). */
    void flush() {
        for (int i = 0; i < sliceCount; i++) {
            write(slices[i]);
        }
    }

    /** Writes every slice's changed entries and drops them all: the cache outgrew its budget. */
    private void evictAll() {
        for (int i = 0; i < sliceCount; i++) {
            evict(slices[i]);
        }
    }

    /** Writes {@code slice}'s changed entries and drops its entries: RocksDB alone then holds the slice. */
    void evict(CachedSlice slice) {
        write(slice);
        entries -= slice.size;
        for (int e = 0; e < slice.size; e++) {
            keyBytes -= slice.keyBytes[e].length;
        }
        slice.clear();
        // A slice that never reached RocksDB (no entry yet) stays complete: RocksDB holds none of it.
        slice.complete = !slice.inRocks;
    }

    /** Forgets {@code slice} (its window fired and no later one reads it). */
    void drop(CachedSlice slice) {
        entries -= slice.size;
        for (int e = 0; e < slice.size; e++) {
            keyBytes -= slice.keyBytes[e].length;
        }
        int i = 0;
        while (slices[i] != slice) {
            i++;
        }
        System.arraycopy(slices, i + 1, slices, i, sliceCount - i - 1);
        slices[--sliceCount] = null;
        if (last == slice) {
            last = null;
        }
    }

    /**
     * Deletes from RocksDB the entries of {@code slice}, complete here, that RocksDB holds: every key here, no range
     * to scan. Returns false when the slice is not complete here (the caller then scans RocksDB for it).
     */
    boolean deleteWrittenKeys(CachedSlice slice) {
        if (!slice.complete) {
            return false;
        }
        int[] order = slice.sorted();
        byte[] scratch = new byte[64];
        try {
            for (int e : order) {
                scratch = rocksKey(scratch, slice, e);
                if (batch.delete(columnId(), scratch, 0, SliceKeys.PREFIX_BYTES + slice.keyBytes[e].length)) {
                    batch.write(rocks.db(), rocks.writeOptions());
                }
            }
            batch.write(rocks.db(), rocks.writeOptions());
        } catch (RocksDBException ex) {
            throw failure("drop slice " + slice.start + " of", ex);
        }
        return true;
    }

    private void write(CachedSlice slice) {
        if (slice.dirtyCount() == 0) {
            return;
        }
        int[] order = slice.sorted();
        byte[] scratch = new byte[64];
        try {
            for (int e : order) {
                if (!slice.isDirty(e)) {
                    continue;
                }
                scratch = rocksKey(scratch, slice, e);
                byte[] value = serializer.serialize(slice.values[e]);
                if (batch.put(columnId(), scratch, 0, SliceKeys.PREFIX_BYTES + slice.keyBytes[e].length, value, 0, value.length)) {
                    batch.write(rocks.db(), rocks.writeOptions());
                }
            }
            batch.write(rocks.db(), rocks.writeOptions());
        } catch (RocksDBException ex) {
            throw failure("write slice " + slice.start + " of", ex);
        }
        slice.cleaned();
    }

    /** {@code [key group][slice][key]} of entry {@code e} in {@code scratch}, grown when too small. */
    private static byte[] rocksKey(byte[] scratch, CachedSlice slice, int e) {
        byte[] key = slice.keyBytes[e];
        int length = SliceKeys.PREFIX_BYTES + key.length;
        byte[] out = scratch.length >= length ? scratch : new byte[Math.max(length, scratch.length * 2)];
        SliceKeys.writePrefix(out, slice.keyGroups[e], slice.start);
        System.arraycopy(key, 0, out, SliceKeys.PREFIX_BYTES, key.length);
        return out;
    }

    private int columnId() {
        if (columnId < 0) {
            columnId = column.getID();
        }
        return columnId;
    }

    private IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("RocksDB could not " + what + " window state '" + stateName + "' in " + rocks.directory()
                + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sharers.decrementAndGet();
        }
    }
}
