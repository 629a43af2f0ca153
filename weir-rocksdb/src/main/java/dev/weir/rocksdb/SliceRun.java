package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.util.Arrays;
import org.rocksdb.RocksIterator;

/**
 * One slice's entries in RocksDB's key order (key group, then the serialized key's bytes), one at a time: from the
 * heap ({@link Cached}) when the {@link SliceCache} holds the whole slice, else from RocksDB ({@link Stored}).
 * {@link RocksDBSliceCursor} merges a window's runs key by key.
 */
abstract class SliceRun {
    /** Whether the run is on an entry. */
    abstract boolean valid();

    abstract int keyGroup();

    /** The array holding the current entry's serialized key, from {@link #keyFrom()} to its end. */
    abstract byte[] keyArray();

    abstract int keyFrom();

    /** The current entry's key. */
    abstract Object key();

    /** The current entry's value, one no later window shares. */
    abstract Object value();

    abstract void next();

    void close() {
    }

    /** Orders the current entries of two runs as RocksDB orders their keys in one slice. */
    static int compare(SliceRun a, SliceRun b) {
        int byGroup = Integer.compare(a.keyGroup(), b.keyGroup());
        if (byGroup != 0) {
            return byGroup;
        }
        byte[] x = a.keyArray();
        byte[] y = b.keyArray();
        return Arrays.compareUnsigned(x, a.keyFrom(), x.length, y, b.keyFrom(), y.length);
    }

    /** A slice held whole by the cache, in key order. */
    static final class Cached extends SliceRun {
        private final CachedSlice slice;
        private final int[] order;
        /** Copy values: a later window reads this slice too, and a window's function may keep or change what it gets. */
        private final boolean copy;
        private final StateSerializer serializer;
        private int at;

        Cached(CachedSlice slice, boolean copy, StateSerializer serializer) {
            this.slice = slice;
            this.order = slice.sorted();
            this.copy = copy;
            this.serializer = serializer;
        }

        @Override
        boolean valid() {
            return at < order.length;
        }

        @Override
        int keyGroup() {
            return slice.keyGroups[order[at]];
        }

        @Override
        byte[] keyArray() {
            return slice.keyBytes[order[at]];
        }

        @Override
        int keyFrom() {
            return 0;
        }

        @Override
        Object key() {
            return slice.keys[order[at]];
        }

        @Override
        Object value() {
            Object value = slice.values[order[at]];
            return copy ? serializer.copy(value) : value;
        }

        @Override
        void next() {
            at++;
        }
    }

    /** A slice's range in each key group of RocksDB, skipping the groups that hold none of it. */
    static final class Stored extends SliceRun {
        private final RocksIterator iterator;
        private final long slice;
        private final int endKeyGroup;
        private final StateSerializer serializer;
        private int group;
        /** The current RocksDB key, or null past the last entry. */
        private byte[] current;

        Stored(RocksIterator iterator, long slice, int startKeyGroup, int endKeyGroup, StateSerializer serializer) {
            this.iterator = iterator;
            this.slice = slice;
            this.endKeyGroup = endKeyGroup;
            this.serializer = serializer;
            this.group = startKeyGroup;
            position();
        }

        /** Finds the first entry of the slice in {@link #group} or a later key group. */
        private void position() {
            current = null;
            while (group <= endKeyGroup) {
                iterator.seek(SliceKeys.prefix(group, slice));
                if (!iterator.isValid()) {
                    return;
                }
                byte[] k = iterator.key();
                int found = StateKeys.keyGroup(k);
                if (found > endKeyGroup) {
                    return;
                }
                if (SliceKeys.slice(k) == slice) {
                    group = found;
                    current = k;
                    return;
                }
                // Another slice: the group holds none of this one past it, or a later group may.
                group = found == group ? group + 1 : found;
            }
        }

        @Override
        boolean valid() {
            return current != null;
        }

        @Override
        int keyGroup() {
            return group;
        }

        @Override
        byte[] keyArray() {
            return current;
        }

        @Override
        int keyFrom() {
            return SliceKeys.PREFIX_BYTES;
        }

        @Override
        Object key() {
            return serializer.deserialize(current, SliceKeys.PREFIX_BYTES, current.length - SliceKeys.PREFIX_BYTES);
        }

        @Override
        Object value() {
            return serializer.deserialize(iterator.value());
        }

        @Override
        void next() {
            iterator.next();
            if (iterator.isValid()) {
                byte[] k = iterator.key();
                if (StateKeys.keyGroup(k) == group && SliceKeys.slice(k) == slice) {
                    current = k;
                    return;
                }
            }
            group++;
            position();
        }

        @Override
        void close() {
            iterator.close();
        }
    }
}
