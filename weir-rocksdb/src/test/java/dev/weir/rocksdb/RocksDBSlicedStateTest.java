package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.engine.checkpoint.DeferredKeyGroups;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.StoredRestore;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.SlicedKeyedState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slicing window operator's slices in RocksDB: a window's slices read key by key with each slice's value in time
 * order; slices dropped as a whole; in file checkpoints restored at the same and at another parallelism; in snapshots
 * and savepoints as entries of namespace {@code slice start}, as the heap operator keeps them, so a heap savepoint's
 * slices restore into RocksDB's layout.
 */
class RocksDBSlicedStateTest {
    private static final int MAX_PARALLELISM = 16;
    private static final int KEYS = 300;
    private static final String SLICES = "window-slices";

    @TempDir
    Path dir;

    private final List<RocksDBKeyedStateBackend> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(RocksDBKeyedStateBackend::close);
    }

    private RocksDBKeyedStateBackend backend(KeyGroupRange range) throws Exception {
        RocksDBKeyedStateBackend backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(
                new KeyedStateBackendParameters("op", "Window (1/1)", 0, MAX_PARALLELISM, range, () -> 0L,
                        Map.of("state.backend.type", "rocksdb", "state.backend.rocksdb.localdir", dir.resolve("local").toString())));
        open.add(backend);
        return backend;
    }

    /** Key k has a value in slice -1000 when k % 3 == 0, in slice 0 when k % 2 == 0, and in slice 1000 always. */
    private static void fill(RocksDBKeyedStateBackend backend, SlicedKeyedState slices) {
        for (long key = 0; key < KEYS; key++) {
            backend.setCurrentKey(key);
            if (key % 3 == 0) {
                slices.put(-1000, "a" + key);
            }
            if (key % 2 == 0) {
                slices.put(0, "b" + key);
            }
            slices.put(1000, "c" + key);
        }
    }

    /** What {@link #fill} put for the keys {@code range} owns, read back through a cursor over the three slices. */
    private static List<String> expected(KeyGroupRange range) {
        List<String> out = new ArrayList<>();
        for (long key = 0; key < KEYS; key++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                out.add(key + ":" + (key % 3 == 0 ? "a" + key : null) + "," + (key % 2 == 0 ? "b" + key : null) + ",c" + key);
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> read(SlicedKeyedState slices, long... starts) {
        List<String> out = new ArrayList<>();
        try (SlicedKeyedState.Cursor cursor = slices.read(starts, starts.length)) {
            while (cursor.next()) {
                StringBuilder line = new StringBuilder(cursor.key() + ":");
                for (int i = 0; i < starts.length; i++) {
                    line.append(i == 0 ? "" : ",").append(cursor.value(i));
                }
                out.add(line.toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static TreeSet<Long> slicesOf(SlicedKeyedState slices) {
        TreeSet<Long> out = new TreeSet<>();
        slices.forEachSlice(out::add);
        return out;
    }

    @Test
    void aWindowsSlicesAreReadKeyByKeyWithEachSlicesValueAndDroppedSliceBySlice() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        RocksDBKeyedStateBackend backend = backend(all);
        SlicedKeyedState slices = backend.getSlicedState(SLICES);
        fill(backend, slices);
        backend.setCurrentKey(4L);
        assertThat(slices.get(0)).isEqualTo("b4");
        assertThat(slices.get(-1000)).isNull();

        assertThat(read(slices, -1000, 0, 1000)).hasSize(KEYS).isEqualTo(expected(all));
        assertThat(slicesOf(slices)).containsExactly(-1000L, 0L, 1000L);
        assertThat(backend.getStateNames()).containsExactly(SLICES);

        slices.remove(-1000);
        assertThat(slicesOf(slices)).containsExactly(0L, 1000L);
        assertThat(read(slices, -1000)).isEmpty();
        assertThat(read(slices, 0)).hasSize(KEYS / 2).contains("4:b4").doesNotContain("3:b3");
        assertThat(backend.getSlicedState(SLICES)).isSameAs(slices);
    }

    @Test
    void slicesRestoreFromAFileCheckpointAtTheSameAndAtAnotherParallelism() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        RocksDBKeyedStateBackend backend = backend(all);
        fill(backend, backend.getSlicedState(SLICES));
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("checkpoints"), "job");
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);

        for (KeyGroupRange range : List.of(all, KeyGroupRange.of(3, 9))) {
            RocksDBKeyedStateBackend restored = backend(range);
            restored.restoreFiles(StoredRestore.load(storage.latest().orElseThrow())
                    .keyedStateFiles(OneSubtaskCheckpoints.OPERATOR, range.getStartKeyGroup(), range.getEndKeyGroup()));
            SlicedKeyedState slices = restored.getSlicedState(SLICES);
            assertThat(read(slices, -1000, 0, 1000)).as("restored into " + range).isEqualTo(expected(range));
            assertThat(slicesOf(slices)).containsExactly(-1000L, 0L, 1000L);
        }
    }

    @Test
    void snapshotsHoldSlicesAsTheHeapOperatorDoesAndSuchEntriesRestoreIntoSlices() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        RocksDBKeyedStateBackend backend = backend(all);
        fill(backend, backend.getSlicedState(SLICES));
        DeferredKeyGroups savepoint = backend.snapshotForSavepoint(3);
        RocksDBKeyedStateBackend restored = backend(all);
        List<String> entries = new ArrayList<>();
        for (int keyGroup = 0; keyGroup < MAX_PARALLELISM; keyGroup++) {
            List<String> visited = new ArrayList<>();
            int group = keyGroup;
            backend.forEachEntry(keyGroup, (state, key, namespace, value) -> {
                visited.add(state + "|" + key + "|" + namespace + "|" + value);
                restored.restoreEntry(state, group, key, namespace, value);
            });
            KeyGroupSnapshot read = new KeyGroupSnapshot(keyGroup);
            savepoint.fill(read);
            assertThat(read.states.stream().map(e -> e.state + "|" + e.key + "|" + e.namespace + "|" + e.value).sorted().toList())
                    .as("key group %d of the savepoint", keyGroup).isEqualTo(visited.stream().sorted().toList());
            entries.addAll(visited);
        }
        savepoint.release();
        assertThat(entries).hasSize(KEYS + KEYS / 2 + KEYS / 3).contains(SLICES + "|4|0|b4", SLICES + "|3|-1000|a3");

        SlicedKeyedState slices = restored.getSlicedState(SLICES);
        assertThat(read(slices, -1000, 0, 1000)).isEqualTo(expected(all));
        assertThat(restored.getStateNames()).containsExactly(SLICES);
    }

    @Test
    void entriesOfAnotherNamespaceAreRefusedAsSlicesWithTheReason() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        backend.restoreEntry(SLICES, KeyGroupRangeAssignment.assignToKeyGroup(7L, MAX_PARALLELISM), 7L, "not a slice", 1L);
        assertThatThrownBy(() -> backend.getSlicedState(SLICES)).hasMessage("Window (1/1) cannot restore its window slices: the "
                + "snapshot holds 'window-slices' entries with namespace not a slice instead of a slice start; it was written by "
                + "another window layout. Restore it with the Weir version that wrote it, or start without it");
    }
}
