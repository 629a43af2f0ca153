package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.util.Collection;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Writes an entry in the stored form every backend's snapshots share (see {@link StoredFormReader}) into the layout of
 * its state's kind: a list's elements as one merged value, a map's entries one RocksDB entry each, any other value as
 * it is. Refuses a stored form that does not fit the kind.
 */
final class StoredFormWriter {
    private final RocksDBStateAccess access;
    private final StateSerializer serializer;
    private final String operatorName;

    StoredFormWriter(RocksDBStateAccess access, StateSerializer serializer, String operatorName) {
        this.access = access;
        this.serializer = serializer;
        this.operatorName = operatorName;
    }

    /** Writes {@code stored}, the value of state {@code name} of {@code kind} at {@code rocksKey}, into {@code column}. */
    void write(String name, StateDescriptor.Type kind, ColumnFamilyHandle column, byte[] rocksKey, Object stored) {
        switch (kind) {
            case LIST -> {
                if (!(stored instanceof Collection<?> elements)) {
                    throw wrongStoredForm(name, kind, stored, "a list");
                }
                if (!elements.isEmpty()) {
                    access.put(column, rocksKey, ListBytes.elements(serializer, elements), name);
                }
            }
            case MAP -> {
                if (!(stored instanceof Map<?, ?> entries)) {
                    throw wrongStoredForm(name, kind, stored, "a map");
                }
                for (Map.Entry<?, ?> e : entries.entrySet()) {
                    access.put(column, StateKeys.concat(rocksKey, serializer.serialize(e.getKey())), serializer.serialize(e.getValue()), name);
                }
            }
            default -> access.put(column, rocksKey, serializer.serialize(stored), name);
        }
    }

    private IllegalStateException wrongStoredForm(String name, StateDescriptor.Type kind, Object stored, String expected) {
        return new IllegalStateException("cannot restore state '" + name + "' of " + operatorName + " as " + kind
                + " state: the snapshot holds " + stored.getClass().getName() + " values, not " + expected + "; the job that took "
                + "the snapshot used another kind of state descriptor under this name");
    }
}
