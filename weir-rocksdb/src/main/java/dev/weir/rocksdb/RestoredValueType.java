package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.TtlValue;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * Refuses, when a restored value state is registered (in open(), before any record), values of another class than its
 * descriptor now declares, with the heap backend's message: a {@code ValueState<Long>} restored as
 * {@code ValueState<String>} would otherwise fail later with a bare ClassCastException in the user's function. One
 * stored value is read, not all: a state's values share their type, and a restore must not scan a state larger than
 * memory.
 */
final class RestoredValueType {
    private RestoredValueType() {
    }

    static void check(StateDescriptor<?> descriptor, RocksDBInstance rocks, ColumnFamilyHandle column, StateSerializer serializer) {
        Class<?> declared = descriptor.getTypeClass();
        if (declared == null || declared == Object.class || descriptor.getType() != StateDescriptor.Type.VALUE) {
            return;
        }
        Object value;
        try (RocksIterator it = rocks.newIterator(column)) {
            it.seekToFirst();
            if (!it.isValid()) {
                return;
            }
            Object stored = serializer.deserialize(it.value());
            value = stored instanceof TtlValue ttl ? ttl.getUserValue() : stored;
        }
        if (value != null && !declared.isInstance(value)) {
            throw new IllegalStateException("The restored state '" + descriptor.getName() + "' is incompatible: the checkpoint holds "
                    + "ValueState<" + value.getClass().getName() + "> values, but the job now declares ValueState<"
                    + declared.getName() + ">: keep the state's type, or declare the new type under a new state name");
        }
    }
}
