package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
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
 * slice, key), values serialized with the state serializer. Snapshots see an entry as the key's value in namespace
 * {@code slice start} ({@code Long}) of the state, as the heap operator's slices are.
 */
final class RocksDBSlicedState implements SlicedKeyedState {
    /** Column family names of sliced states; a state's own name never starts with a NUL character in practice. */
    static final String COLUMN_PREFIX = "\u0000slices\u0000";
    /** How many deletes one write batch of a dropped slice holds. */
    private static final int DELETE_BATCH = 1024;

    private final RocksDBStateAccess access;
    private final RocksDBInstance rocks;
    private final ColumnFamilyHandle column;
    private final String name;
    private final StateKeys keys;
    private final KeyGroupRange range;
    private final StateSerializer serializer;
    /** The RocksDB key of the last access, reused while the key and slice stay (an element's read, then its write). */
    private byte[] lastKeyBytes;
    private long lastSlice;
    private byte[] lastRocksKey;

    RocksDBSlicedState(RocksDBStateAccess access, RocksDBInstance rocks, ColumnFamilyHandle column, String name, StateKeys keys,
                       KeyGroupRange range, StateSerializer serializer) {
        this.access = access;
        this.rocks = rocks;
        this.column = column;
        this.name = name;
        this.keys = keys;
        this.range = range;
        this.serializer = serializer;
    }

    static boolean isSliceColumn(String columnName) {
        return columnName.startsWith(COLUMN_PREFIX);
    }

    static String stateOf(String columnName) {
        return columnName.substring(COLUMN_PREFIX.length());
    }

    @Override
    public Object get(long slice) {
        byte[] bytes = access.get(column, rocksKey(slice), name);
        return bytes == null ? null : serializer.deserialize(bytes);
    }

    @Override
    public void put(long slice, Object value) {
        access.put(column, rocksKey(slice), serializer.serialize(value), name);
    }

    private byte[] rocksKey(long slice) {
        byte[] key = keys.currentKeyBytes();
        if (key == null) {
            throw new IllegalStateException("window state '" + name + "' was accessed with no current key: it is only available "
                    + "while processing an element of a keyed stream (after keyBy)");
        }
        if (key != lastKeyBytes || slice != lastSlice) {
            lastRocksKey = SliceKeys.key(keys.currentKeyGroup(), slice, key);
            lastKeyBytes = key;
            lastSlice = slice;
        }
        return lastRocksKey;
    }

    @Override
    public void forEachSlice(LongConsumer slices) {
        try (RocksIterator it = rocks.newIterator(column)) {
            for (int group = range.getStartKeyGroup(); group <= range.getEndKeyGroup(); group++) {
                byte[] groupPrefix = StateKeys.keyGroupPrefix(group);
                for (it.seek(groupPrefix); it.isValid() && StateKeys.startsWith(it.key(), groupPrefix); ) {
                    long slice = SliceKeys.slice(it.key());
                    slices.accept(slice);
                    if (slice == Long.MAX_VALUE) {
                        break;
                    }
                    it.seek(SliceKeys.prefix(group, slice + 1));
                }
            }
        }
    }

    @Override
    public Cursor read(long[] slices, int count) {
        return new RocksDBSliceCursor(rocks, column, slices, count, range, serializer);
    }

    /**
     * Deletes the slice's entries one by one rather than as a range per key group: reads would otherwise pass over a
     * range tombstone for every key group of every slice dropped until compaction (each new iterator fragments them
     * all), which made a window of many slices over few keys tens of times slower.
     */
    @Override
    public void remove(long slice) {
        lastKeyBytes = null;
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
