package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.StateEntryVisitor;
import java.util.Arrays;
import java.util.HashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Reads one state's entries of one key group out of RocksDB in the stored form all backends share: a value as
 * itself, a list's elements as an {@code ArrayList}, a map's entries (contiguous in key order) as a {@code HashMap}.
 */
final class StoredFormReader {
    private StoredFormReader() {
    }

    static void visit(String name, StateDescriptor.Type kind, RocksDB db, ColumnFamilyHandle column, byte[] prefix,
                      StateKeys keys, StateSerializer serializer, StateEntryVisitor visitor) throws Exception {
        try (RocksIterator it = db.newIterator(column)) {
            byte[] mapPrefix = null;
            HashMap<Object, Object> map = null;
            Object mapKey = null;
            Object mapNamespace = null;
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (!StateKeys.startsWith(k, prefix)) {
                    break;
                }
                switch (kind) {
                    case LIST -> visitor.visit(name, keys.key(k), keys.namespace(k), ListBytes.decodeAll(serializer, it.value()));
                    case MAP -> {
                        int at = StateKeys.userKeyOffset(k);
                        if (mapPrefix == null || at != mapPrefix.length || !Arrays.equals(k, 0, at, mapPrefix, 0, at)) {
                            if (map != null) {
                                visitor.visit(name, mapKey, mapNamespace, map);
                            }
                            mapPrefix = Arrays.copyOf(k, at);
                            map = new HashMap<>();
                            mapKey = keys.key(k);
                            mapNamespace = keys.namespace(k);
                        }
                        map.put(serializer.deserialize(k, at, k.length - at), serializer.deserialize(it.value()));
                    }
                    default -> visitor.visit(name, keys.key(k), keys.namespace(k), serializer.deserialize(it.value()));
                }
            }
            if (map != null) {
                visitor.visit(name, mapKey, mapNamespace, map);
            }
        }
    }
}
