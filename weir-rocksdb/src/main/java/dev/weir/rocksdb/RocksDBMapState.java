package dev.weir.rocksdb;

import dev.weir.api.common.state.MapState;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A {@link MapState} in RocksDB: one RocksDB entry per map entry, keyed by the key and namespace followed by the
 * map key, so one key's map is one contiguous range. Iteration reads that range in batches of
 * {@value RocksDBStateAccess#ITERATION_BATCH} entries (never the whole map at once) and decodes each entry as
 * it is reached; {@code Iterator.remove} and {@code Entry.setValue} write through. Values may be null, as in Flink.
 */
final class RocksDBMapState<N, UK, UV> extends AbstractRocksDBState<N> implements MapState<UK, UV> {
    RocksDBMapState(RocksDBStateAccess access, ColumnFamilyHandle column, String name) {
        super(access, column, name);
    }

    private byte[] entryKey(UK key) {
        return StateKeys.concat(currentKey(), access.serializer().serialize(key));
    }

    @Override
    @SuppressWarnings("unchecked")
    public UV get(UK key) {
        byte[] stored = access.get(column, entryKey(key), getName());
        return stored == null ? null : (UV) access.serializer().deserialize(stored);
    }

    @Override
    public void put(UK key, UV value) {
        access.put(column, entryKey(key), access.valueBytes(value, getName()), getName());
    }

    /** Puts every entry; null or an empty map changes nothing. */
    @Override
    public void putAll(Map<UK, UV> entries) {
        if (entries == null) {
            return;
        }
        for (Map.Entry<UK, UV> e : entries.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void remove(UK key) {
        access.delete(column, entryKey(key), getName());
    }

    @Override
    public boolean contains(UK key) {
        return access.get(column, entryKey(key), getName()) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return this::iterator;
    }

    @Override
    public Iterable<UK> keys() {
        return () -> new Mapped<>(iterator(), Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() {
        return () -> new Mapped<>(iterator(), Map.Entry::getValue);
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return new EntryIterator(currentKey());
    }

    @Override
    public boolean isEmpty() {
        return !access.hasEntryWithPrefix(column, currentKey(), getName());
    }

    @Override
    public void clear() {
        access.deletePrefix(column, currentKey(), getName());
    }

    /** The entries of one key and namespace, read in batches. */
    private final class EntryIterator implements Iterator<Map.Entry<UK, UV>> {
        private final byte[] prefix;
        private final RocksDBStateAccess.Batch batch = new RocksDBStateAccess.Batch();
        private int next;
        private boolean exhausted;
        private byte[] lastReturned;

        EntryIterator(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean hasNext() {
            if (next < batch.size) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            byte[] after = batch.size == 0 ? null : batch.keys[batch.size - 1];
            access.readBatch(column, prefix, after, batch, getName());
            next = 0;
            exhausted = batch.size < batch.keys.length;
            return batch.size > 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map.Entry<UK, UV> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] key = batch.keys[next];
            byte[] value = batch.values[next];
            next++;
            lastReturned = key;
            int at = StateKeys.userKeyOffset(key);
            UK userKey = (UK) access.serializer().deserialize(key, at, key.length - at);
            return new Entry(key, userKey, (UV) access.serializer().deserialize(value));
        }

        @Override
        public void remove() {
            if (lastReturned == null) {
                throw new IllegalStateException("remove() before next(), or twice for one entry");
            }
            access.delete(column, lastReturned, getName());
            lastReturned = null;
        }
    }

    /** One map entry; {@link #setValue} writes through. */
    private final class Entry implements Map.Entry<UK, UV> {
        private final byte[] rocksKey;
        private final UK key;
        private UV value;

        Entry(byte[] rocksKey, UK key, UV value) {
            this.rocksKey = rocksKey;
            this.key = key;
            this.value = value;
        }

        @Override
        public UK getKey() {
            return key;
        }

        @Override
        public UV getValue() {
            return value;
        }

        @Override
        public UV setValue(UV newValue) {
            UV old = value;
            access.put(column, rocksKey, access.valueBytes(newValue, getName()), getName());
            value = newValue;
            return old;
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** An iterator over one part of each entry, removing through the entry iterator. */
    private static final class Mapped<E, T> implements Iterator<T> {
        private final Iterator<E> entries;
        private final Function<E, T> part;

        Mapped(Iterator<E> entries, Function<E, T> part) {
            this.entries = entries;
            this.part = part;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public T next() {
            return part.apply(entries.next());
        }

        @Override
        public void remove() {
            entries.remove();
        }
    }
}
