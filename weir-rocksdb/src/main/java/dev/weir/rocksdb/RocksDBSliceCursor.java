package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.SlicedKeyedState;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * Reads several slices of a {@link RocksDBSlicedState} key by key: per key group, one iterator per slice over that
 * slice's range, merged by key bytes (each range is sorted by them), so a key found in several slices comes out once
 * with each slice's value. Holds one key at a time.
 */
final class RocksDBSliceCursor implements SlicedKeyedState.Cursor {
    private final RocksIterator[] iterators;
    private final long[] slices;
    private final byte[][] prefixes;
    /** Each iterator's current RocksDB key while it is inside its slice's range, else null. */
    private final byte[][] heads;
    private final Object[] values;
    private final StateSerializer serializer;
    private final int endKeyGroup;
    private int keyGroup;
    private boolean positioned;
    private Object key;

    RocksDBSliceCursor(RocksDBInstance rocks, ColumnFamilyHandle column, long[] slices, int count,
                       KeyGroupRange range, StateSerializer serializer) {
        this.iterators = new RocksIterator[count];
        this.slices = Arrays.copyOf(slices, count);
        this.prefixes = new byte[count][];
        this.heads = new byte[count][];
        this.values = new Object[count];
        this.serializer = serializer;
        this.keyGroup = range.getStartKeyGroup();
        this.endKeyGroup = range.getEndKeyGroup();
        for (int i = 0; i < count; i++) {
            iterators[i] = rocks.newIterator(column);
        }
    }

    @Override
    public boolean next() {
        while (keyGroup <= endKeyGroup) {
            if (!positioned) {
                if (!holdsAny(keyGroup)) {
                    keyGroup++;
                    continue;
                }
                for (int i = 0; i < iterators.length; i++) {
                    prefixes[i] = SliceKeys.prefix(keyGroup, slices[i]);
                    iterators[i].seek(prefixes[i]);
                    heads[i] = head(i);
                }
                positioned = true;
            }
            byte[] least = null;
            for (byte[] head : heads) {
                if (head != null && (least == null || SliceKeys.compareKeys(head, least) < 0)) {
                    least = head;
                }
            }
            if (least == null) {
                keyGroup++;
                positioned = false;
                continue;
            }
            for (int i = 0; i < iterators.length; i++) {
                if (heads[i] != null && SliceKeys.sameKey(heads[i], least)) {
                    values[i] = serializer.deserialize(iterators[i].value());
                    iterators[i].next();
                    heads[i] = head(i);
                } else {
                    values[i] = null;
                }
            }
            key = serializer.deserialize(least, SliceKeys.PREFIX_BYTES, least.length - SliceKeys.PREFIX_BYTES);
            return true;
        }
        return false;
    }

    /**
     * Whether the key group holds an entry in the slices read, by one seek: most key groups of a firing over few keys
     * hold none, and would otherwise cost a seek per slice.
     */
    private boolean holdsAny(int group) {
        RocksIterator probe = iterators[0];
        probe.seek(SliceKeys.prefix(group, slices[0]));
        if (!probe.isValid()) {
            return false;
        }
        byte[] k = probe.key();
        return StateKeys.keyGroup(k) == group && SliceKeys.slice(k) <= slices[slices.length - 1];
    }

    private byte[] head(int i) {
        RocksIterator it = iterators[i];
        if (!it.isValid()) {
            return null;
        }
        byte[] k = it.key();
        return StateKeys.startsWith(k, prefixes[i]) ? k : null;
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public Object value(int index) {
        return values[index];
    }

    @Override
    public void close() {
        for (RocksIterator it : iterators) {
            it.close();
        }
    }
}
