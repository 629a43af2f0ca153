package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.RestoredStateFiles;
import dev.weir.engine.checkpoint.storage.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The two steps of restoring an old subtask's RocksDB checkpoint files: putting them back under their RocksDB names
 * in a local folder, and, at another parallelism, copying the key groups a new subtask owns out of the database they
 * form (keys start with their key group, so a range of key groups is one range of each column family).
 */
final class RestoredFiles {
    /** How many entries one write batch of a copy holds. */
    private static final int BATCH_ENTRIES = 1024;

    private RestoredFiles() {
    }

    /** Puts an old subtask's files into {@code local} under their RocksDB names; returns its shared SST files. */
    static Map<String, StateFile> materialize(RestoredStateFiles old, Path local) throws IOException {
        Map<String, StateFile> sst = new LinkedHashMap<>();
        for (int f = 0; f < old.files().size(); f++) {
            StateFile file = old.files().get(f);
            Path target = local.resolve(file.localName());
            if (file.localName().endsWith(".sst")) {
                // SST files never change: a hard link saves the copy when the storage is on the same file system.
                try {
                    Files.createLink(target, old.paths().get(f));
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(old.paths().get(f), target);
                }
                if (file.shared()) {
                    sst.put(file.localName(), file);
                }
            } else {
                Files.copy(old.paths().get(f), target);
            }
        }
        return sst;
    }

    /**
     * Copies key groups {@code first..end} of every state in {@code kinds} from the database in {@code local} into the
     * column family {@code target} gives for the state's name and kind (null: staged, stored under
     * {@code stagedPrefix + name}), and those of every timer service into the column family {@code timerTarget} gives
     * for the service's name, and those of every sliced state into the column family {@code sliceTarget} gives for
     * the state's name. Returns the old database's next timer sequence.
     */
    static long copyKeyGroups(RocksDBInstance rocks, Path local, Map<String, StateDescriptor.Type> kinds, int first, int end,
                              String stagedPrefix, BiFunction<String, StateDescriptor.Type, ColumnFamilyHandle> target,
                              Function<String, ColumnFamilyHandle> timerTarget, Function<String, ColumnFamilyHandle> sliceTarget)
            throws RocksDBException {
        byte[] from = StateKeys.keyGroupPrefix(first);
        byte[] to = StateKeys.successor(StateKeys.keyGroupPrefix(end));
        try (RocksDBInstance.ReadOnlyDatabase source = rocks.openReadOnly(local); WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, StateDescriptor.Type> e : kinds.entrySet()) {
                ColumnFamilyHandle into = target.apply(e.getKey(), e.getValue());
                ColumnFamilyHandle sourceColumn = source.columns().get(e.getValue() == null ? stagedPrefix + e.getKey() : e.getKey());
                if (sourceColumn != null) {
                    copyRange(rocks, source, sourceColumn, into, from, to, batch);
                }
            }
            for (Map.Entry<String, ColumnFamilyHandle> e : source.columns().entrySet()) {
                if (TimerColumn.isTimerColumn(e.getKey())) {
                    copyRange(rocks, source, e.getValue(), timerTarget.apply(TimerColumn.serviceOf(e.getKey())), from, to, batch);
                } else if (RocksDBSlicedState.isSliceColumn(e.getKey())) {
                    copyRange(rocks, source, e.getValue(), sliceTarget.apply(RocksDBSlicedState.stateOf(e.getKey())), from, to, batch);
                }
            }
            return TimerSequence.read(source.db());
        }
    }

    private static void copyRange(RocksDBInstance rocks, RocksDBInstance.ReadOnlyDatabase source, ColumnFamilyHandle sourceColumn,
                                  ColumnFamilyHandle into, byte[] from, byte[] to, WriteBatch batch) throws RocksDBException {
        try (RocksIterator it = source.db().newIterator(sourceColumn)) {
            for (it.seek(from); it.isValid() && Arrays.compareUnsigned(it.key(), to) < 0; it.next()) {
                batch.put(into, it.key(), it.value());
                if (batch.count() >= BATCH_ENTRIES) {
                    rocks.db().write(rocks.writeOptions(), batch);
                    batch.clear();
                }
            }
        }
        rocks.db().write(rocks.writeOptions(), batch);
        batch.clear();
    }
}
