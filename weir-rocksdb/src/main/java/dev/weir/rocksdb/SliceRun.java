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
    private static final int HEAD_BYTES = 6;

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

    /**
     * The current entry's key group and first {@value #HEAD_BYTES} key bytes (zeros past its end) as one number: most
     * comparisons of a window's merge end on it, without reaching the key arrays (a tenth of 11c's CPU went to them).
     */
    private long head;

    /** Sets {@link #head} from the current entry; called by each run whenever it moves onto an entry. */
    final void headMoved() {
        byte[] key = keyArray();
        int from = keyFrom();
        long h = keyGroup();
        for (int p = from; p < from + HEAD_BYTES; p++) {
            h = h << 8 | (p < key.length ? key[p] & 0xFF : 0);
        }
        head = h;
    }

    /** Orders the current entries of two runs as RocksDB orders their keys in one slice. */
    static int compare(SliceRun a, SliceRun b) {
        // Key groups are below 2^15: the heads are positive, and their signed order is the bytes' order.
        int byHead = Long.compare(a.head, b.head);
        if (byHead != 0) {
            return byHead;
        }
        byte[] x = a.keyArray();
        byte[] y = b.keyArray();
        if (x == y && a.keyFrom() == b.keyFrom()) {
            return 0;
        }
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
            if (valid()) {
                headMoved();
            }
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
            if (++at < order.length) {
                headMoved();
            }
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
                    headMoved();
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
                    headMoved();
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
