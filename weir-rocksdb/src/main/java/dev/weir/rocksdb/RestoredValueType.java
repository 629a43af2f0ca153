package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.RestoredValueClass;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * {@link RestoredValueClass}'s check on RocksDB: one stored value is read, not all, since a state's values share their
 * type and a restore must not scan a state larger than memory.
 */
final class RestoredValueType {
    private RestoredValueType() {
    }

    static void check(StateDescriptor<?> descriptor, RocksDBInstance rocks, ColumnFamilyHandle column, StateSerializer serializer) {
        Class<?> declared = RestoredValueClass.declared(descriptor);
        if (declared == null) {
            return;
        }
        Object stored;
        try (RocksIterator it = rocks.newIterator(column)) {
            it.seekToFirst();
            if (!it.isValid()) {
                return;
            }
            stored = serializer.deserialize(it.value());
        }
        if (!RestoredValueClass.fits(declared, stored)) {
            throw RestoredValueClass.incompatible(descriptor.getName(), stored, declared);
        }
    }
}
