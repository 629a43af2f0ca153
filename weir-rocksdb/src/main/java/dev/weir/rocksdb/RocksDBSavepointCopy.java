package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.DeferredKeyGroups;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;

/**
 * A savepoint's copy of one subtask's database (a RocksDB checkpoint: hard links, taken at the barrier), read key
 * group by key group on the savepoint's I/O thread into the canonical stored form. It opens the copy read-only with
 * options, a serializer and key decoding of its own, so the task (which goes on, or ends and closes its database)
 * shares nothing with it; only one key group's entries are on the heap at a time.
 */
final class RocksDBSavepointCopy implements DeferredKeyGroups {
    private final Path directory;
    /** State name to kind, null for a state restored and not created yet (stored under the staged prefix). */
    private final Map<String, StateDescriptor.Type> kinds;
    private final String stagedPrefix;
    private final String operatorName;
    private final StateSerializer serializer = StateSerializers.create();
    private final StateKeys keys = new StateKeys(serializer);
    private StringAppendOperator append;
    private ColumnFamilyOptions columnOptions;
    private DBOptions dbOptions;
    private RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<String, ColumnFamilyHandle> columns = new HashMap<>();
    private boolean released;

    RocksDBSavepointCopy(Path directory, Map<String, StateDescriptor.Type> kinds, String stagedPrefix, String operatorName) {
        this.directory = directory;
        this.kinds = kinds;
        this.stagedPrefix = stagedPrefix;
        this.operatorName = operatorName;
    }

    @Override
    public synchronized void fill(KeyGroupSnapshot group) throws Exception {
        open();
        byte[] prefix = StateKeys.keyGroupPrefix(group.keyGroup);
        for (Map.Entry<String, StateDescriptor.Type> e : kinds.entrySet()) {
            String name = e.getKey();
            ColumnFamilyHandle column = columns.get(e.getValue() == null ? stagedPrefix + name : name);
            if (column != null) {
                StoredFormReader.visit(name, e.getValue() == null ? StateDescriptor.Type.VALUE : e.getValue(), db, column, prefix, keys,
                        serializer, (state, key, namespace, value) ->
                                group.states.add(new KeyGroupSnapshot.StateEntry(state, key, namespace, value)));
            }
        }
        for (Map.Entry<String, ColumnFamilyHandle> e : columns.entrySet()) {
            if (TimerColumn.isTimerColumn(e.getKey())) {
                addTimers(group, TimerColumn.serviceOf(e.getKey()), e.getValue());
            } else if (RocksDBSlicedState.isSliceColumn(e.getKey())) {
                RocksDBSlicedState.visit(RocksDBSlicedState.stateOf(e.getKey()), db, e.getValue(), group.keyGroup, serializer,
                        (state, key, namespace, value) -> group.states.add(new KeyGroupSnapshot.StateEntry(state, key, namespace, value)));
            }
        }
    }

    private void addTimers(KeyGroupSnapshot group, String service, ColumnFamilyHandle column) {
        for (byte domain : new byte[] {TimerKeys.EVENT_TIME, TimerKeys.PROCESSING_TIME}) {
            try (RocksIterator it = db.newIterator(column)) {
                for (it.seek(TimerKeys.orderStart(group.keyGroup, domain)); it.isValid()
                        && TimerKeys.isOrderEntry(it.key(), group.keyGroup, domain); it.next()) {
                    byte[] keyAndNamespace = it.value();
                    group.timers.add(new KeyGroupSnapshot.TimerEntry(service, domain == TimerKeys.EVENT_TIME, keys.key(keyAndNamespace),
                            keys.namespace(keyAndNamespace), TimerKeys.timestamp(it.key())));
                }
            }
        }
    }

    private void open() throws Exception {
        if (released) {
            throw new IllegalStateException("the savepoint copy of " + operatorName + " in " + directory + " was released");
        }
        if (db != null) {
            return;
        }
        append = new StringAppendOperator("");
        columnOptions = new ColumnFamilyOptions().setMergeOperator(append);
        dbOptions = new DBOptions();
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, directory.toString());
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (byte[] name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
        }
        db = RocksDB.openReadOnly(dbOptions, directory.toString(), descriptors, handles);
        for (int i = 0; i < names.size(); i++) {
            columns.put(new String(names.get(i), StandardCharsets.UTF_8), handles.get(i));
        }
    }

    @Override
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        for (ColumnFamilyHandle handle : handles) {
            handle.close();
        }
        if (db != null) {
            db.close();
            dbOptions.close();
            columnOptions.close();
            append.close();
        }
        RocksDBInstance.deleteRecursively(directory);
    }
}
