package dev.weir.rocksdb;

import dev.weir.api.common.state.MapState;
import dev.weir.engine.state.TtlPolicy;
import dev.weir.engine.state.TtlValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A {@link MapState} in RocksDB whose entries expire one by one, as on the heap: each value is stored as a
 * {@link TtlValue}. The views it returns are snapshots of the visible entries (read in batches, expired ones deleted
 * on the way); removing through {@link #iterator()} removes from the state.
 */
final class RocksDBTtlMapState<N, UK, UV> extends AbstractRocksDBState<N> implements MapState<UK, UV> {
    private final TtlPolicy ttl;

    RocksDBTtlMapState(RocksDBStateAccess access, ColumnFamilyHandle column, String name, TtlPolicy ttl) {
        super(access, column, name);
        this.ttl = ttl;
    }

    private byte[] entryKey(UK key) {
        return StateKeys.concat(currentKey(), access.serializer().serialize(key));
    }

    /** The visible entry stored under {@code rocksKey} after expiry and refresh, or null; an expired entry is deleted. */
    private TtlValue readEntry(byte[] rocksKey, TtlValue entry, long now) {
        if (entry == null) {
            return null;
        }
        if (ttl.isExpired(entry, now)) {
            access.delete(column, rocksKey, getName());
            return ttl.returnExpired() ? entry : null;
        }
        if (ttl.refreshOnRead()) {
            access.put(column, rocksKey, access.valueBytes(ttl.wrap(entry.getUserValue(), now), getName()), getName());
        }
        return entry;
    }

    private TtlValue stored(byte[] rocksKey) {
        byte[] bytes = access.get(column, rocksKey, getName());
        return bytes == null ? null : (TtlValue) access.serializer().deserialize(bytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public UV get(UK key) {
        byte[] rocksKey = entryKey(key);
        TtlValue entry = readEntry(rocksKey, stored(rocksKey), ttl.now());
        return entry == null ? null : (UV) entry.getUserValue();
    }

    @Override
    public void put(UK key, UV value) {
        access.put(column, entryKey(key), access.valueBytes(ttl.wrap(value, ttl.now()), getName()), getName());
    }

    /** Puts every entry with a fresh time to live; null or an empty map changes nothing. */
    @Override
    public void putAll(Map<UK, UV> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        long now = ttl.now();
        for (Map.Entry<UK, UV> e : entries.entrySet()) {
            access.put(column, entryKey(e.getKey()), access.valueBytes(ttl.wrap(e.getValue(), now), getName()), getName());
        }
    }

    @Override
    public void remove(UK key) {
        access.delete(column, entryKey(key), getName());
    }

    @Override
    public boolean contains(UK key) {
        byte[] rocksKey = entryKey(key);
        return readEntry(rocksKey, stored(rocksKey), ttl.now()) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return visible().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return visible().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return visible().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        Iterator<Map.Entry<UK, UV>> snapshot = visible().entrySet().iterator();
        return new Iterator<>() {
            private Map.Entry<UK, UV> last;

            @Override
            public boolean hasNext() {
                return snapshot.hasNext();
            }

            @Override
            public Map.Entry<UK, UV> next() {
                last = snapshot.next();
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException("remove() needs a preceding next() on this MapState iterator");
                }
                RocksDBTtlMapState.this.remove(last.getKey());
                last = null;
            }
        };
    }

    /** Empty when no entry is visible; expired entries are dropped, none is refreshed. */
    @Override
    public boolean isEmpty() {
        if (ttl.returnExpired()) {
            return !access.hasEntryWithPrefix(column, currentKey(), getName());
        }
        long now = ttl.now();
        boolean[] any = new boolean[1];
        forEachStored((rocksKey, userKey, entry) -> {
            if (ttl.isExpired(entry, now)) {
                access.delete(column, rocksKey, getName());
            } else {
                any[0] = true;
            }
        });
        return !any[0];
    }

    @SuppressWarnings("unchecked")
    private Map<UK, UV> visible() {
        long now = ttl.now();
        Map<UK, UV> visible = new LinkedHashMap<>();
        forEachStored((rocksKey, userKey, entry) -> {
            TtlValue seen = readEntry(rocksKey, entry, now);
            if (seen != null) {
                visible.put((UK) userKey, (UV) seen.getUserValue());
            }
        });
        return visible;
    }

    /** Visits the stored entries of the current key and namespace, batch by batch. */
    private void forEachStored(StoredEntry visitor) {
        byte[] prefix = currentKey();
        RocksDBStateAccess.Batch batch = new RocksDBStateAccess.Batch();
        byte[] after = null;
        do {
            access.readBatch(column, prefix, after, batch, getName());
            for (int i = 0; i < batch.size; i++) {
                byte[] k = batch.keys[i];
                int at = StateKeys.userKeyOffset(k);
                visitor.visit(k, access.serializer().deserialize(k, at, k.length - at),
                        (TtlValue) access.serializer().deserialize(batch.values[i]));
            }
            after = batch.size == 0 ? null : batch.keys[batch.size - 1];
        } while (batch.size == batch.keys.length);
    }

    /** One stored map entry: its RocksDB key, its map key, its value with the last access time. */
    @FunctionalInterface
    private interface StoredEntry {
        void visit(byte[] rocksKey, Object userKey, TtlValue entry);
    }
}
