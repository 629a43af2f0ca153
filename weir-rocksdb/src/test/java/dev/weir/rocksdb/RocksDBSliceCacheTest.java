package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.checkpoint.StoredRestore;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.SlicedKeyedState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window slices' cache in front of RocksDB ({@link SliceCache}): slices that outgrow it go to RocksDB and read back
 * exactly, also when a window reads slices held on the heap and slices in RocksDB together; a checkpoint holds the
 * cached slices and their later changes; a slice dropped after a checkpoint wrote it leaves nothing behind; a slice
 * that later windows read hands out copies.
 */
class RocksDBSliceCacheTest {
    private static final int MAX_PARALLELISM = 16;
    private static final int KEYS = 500;
    private static final String SLICES = "window-slices";
    /** Padding that makes 500 keys' values in one slice far more than the small cache's share. */
    private static final String WIDE = "x".repeat(200);

    @TempDir
    Path dir;

    private final List<RocksDBKeyedStateBackend> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(RocksDBKeyedStateBackend::close);
    }

    private RocksDBKeyedStateBackend backend(KeyGroupRange range, String cacheSize) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("state.backend.type", "rocksdb",
                "state.backend.rocksdb.localdir", dir.resolve("local").toString()));
        if (cacheSize != null) {
            settings.put("state.backend.rocksdb.write-back-cache.size", cacheSize);
        }
        RocksDBKeyedStateBackend backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(
                new KeyedStateBackendParameters("op", "Window (1/1)", 0, MAX_PARALLELISM, range, () -> 0L, settings));
        open.add(backend);
        return backend;
    }

    /** Appends {@code mark} to each key's value in {@code slice}, as the window operator adds to a partial: read, then write. */
    private static void append(RocksDBKeyedStateBackend backend, SlicedKeyedState slices, long slice, String mark, long step) {
        for (long key = 0; key < KEYS; key += step) {
            backend.setCurrentKey(key);
            Object held = slices.get(slice);
            slices.put(slice, (held == null ? key + ":" : held) + mark);
        }
    }

    private static List<String> read(SlicedKeyedState slices, long... starts) {
        List<String> out = new ArrayList<>();
        try (SlicedKeyedState.Cursor cursor = slices.read(starts, starts.length)) {
            while (cursor.next()) {
                StringBuilder line = new StringBuilder(cursor.key() + "=");
                for (int i = 0; i < starts.length; i++) {
                    line.append(i == 0 ? "" : "|").append(cursor.value(i));
                }
                out.add(line.toString());
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(null);
        return out;
    }

    /** What {@link #fill} leaves for the keys of {@code range}, in a cursor over slices 0, 1000 and 2000. */
    private static List<String> expected(KeyGroupRange range, String extra) {
        List<String> out = new ArrayList<>();
        for (long key = 0; key < KEYS; key++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                String first = key + ":" + WIDE + (key % 2 == 0 ? "b" : "");
                String second = key % 3 == 0 ? key + ":c" + (key % 6 == 0 ? extra : "") : "null";
                out.add(key + "=" + first + "|" + second + "|" + key + ":d");
            }
        }
        out.sort(null);
        return out;
    }

    /** Slice 0: every key, wide, then again for even keys; slice 1000: every third key; slice 2000: every key, narrow. */
    private static void fill(RocksDBKeyedStateBackend backend, SlicedKeyedState slices) {
        append(backend, slices, 0, WIDE, 1);
        append(backend, slices, 1000, "c", 3);
        append(backend, slices, 0, "b", 2);
        append(backend, slices, 2000, "d", 1);
    }

    @Test
    void slicesThatOutgrowTheCacheGoToRocksDBAndAWindowReadsThemWithTheCachedOnesExactly() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        RocksDBKeyedStateBackend small = backend(all, "32kb");
        SlicedKeyedState slices = small.getSlicedState(SLICES);
        fill(small, slices);
        RocksDBKeyedStateBackend roomy = backend(all, null);
        SlicedKeyedState cached = roomy.getSlicedState(SLICES);
        fill(roomy, cached);

        List<String> expected = expected(all, "");
        assertThat(sorted(read(slices, 0, 1000, 2000))).hasSize(KEYS).isEqualTo(expected);
        assertThat(read(cached, 0, 1000, 2000)).as("the same order from the heap as from RocksDB")
                .isEqualTo(read(slices, 0, 1000, 2000));
        small.setCurrentKey(6L);
        assertThat(slices.get(1000)).isEqualTo("6:c");
        small.setCurrentKey(7L);
        assertThat(slices.get(1000)).isNull();
        assertThat(slices.get(0)).isEqualTo("7:" + WIDE);

        slices.remove(0);
        cached.remove(0);
        TreeSet<Long> left = new TreeSet<>();
        slices.forEachSlice(left::add);
        assertThat(left).containsExactly(1000L, 2000L);
        assertThat(read(slices, 0)).isEmpty();
        assertThat(read(slices, 1000)).isEqualTo(read(cached, 1000)).hasSize((KEYS + 2) / 3);
    }

    @Test
    void aCheckpointHoldsTheCachedSlicesAndTheirChangesSinceAndRestoresAtTheSameAndAnotherParallelism() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        RocksDBKeyedStateBackend backend = backend(all, null);
        SlicedKeyedState slices = backend.getSlicedState(SLICES);
        fill(backend, slices);
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("checkpoints"), "job");
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);
        append(backend, slices, 1000, "e", 6);
        OneSubtaskCheckpoints.checkpoint(storage, 2, backend, MAX_PARALLELISM);
        append(backend, slices, 1000, "not in any checkpoint", 1);

        for (KeyGroupRange range : List.of(all, KeyGroupRange.of(3, 9))) {
            RocksDBKeyedStateBackend restored = backend(range, null);
            restored.restoreFiles(StoredRestore.load(storage.latest().orElseThrow())
                    .keyedStateFiles(OneSubtaskCheckpoints.OPERATOR, range.getStartKeyGroup(), range.getEndKeyGroup()));
            SlicedKeyedState again = restored.getSlicedState(SLICES);
            assertThat(sorted(read(again, 0, 1000, 2000))).as("restored into " + range).isEqualTo(expected(range, "e"));
            TreeSet<Long> found = new TreeSet<>();
            again.forEachSlice(found::add);
            assertThat(found).containsExactly(0L, 1000L, 2000L);
        }
    }

    @Test
    void aSliceDroppedAfterACheckpointWroteItLeavesNoEntryInRocksDB() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        RocksDBKeyedStateBackend backend = backend(all, null);
        SlicedKeyedState slices = backend.getSlicedState(SLICES);
        fill(backend, slices);
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("checkpoints"), "job");
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);
        slices.remove(0);
        slices.remove(2000);

        List<Object> namespaces = new ArrayList<>();
        for (int keyGroup = 0; keyGroup < MAX_PARALLELISM; keyGroup++) {
            backend.forEachEntry(keyGroup, (state, key, namespace, value) -> namespaces.add(namespace));
        }
        assertThat(namespaces).hasSize((KEYS + 2) / 3).containsOnly(1000L);
    }

    @Test
    void aSliceThatLaterWindowsReadHandsOutCopiesAndTheFirstSliceItsOwnValues() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), null);
        SlicedKeyedState slices = backend.getSlicedState(SLICES);
        backend.setCurrentKey(1L);
        long[] first = {1};
        long[] second = {2};
        slices.put(0, first);
        slices.put(1000, second);
        try (SlicedKeyedState.Cursor cursor = slices.read(new long[] {0, 1000}, 2)) {
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.key()).isEqualTo(1L);
            assertThat(cursor.value(0)).isSameAs(first);
            assertThat(cursor.value(1)).isNotSameAs(second).isEqualTo(new long[] {2});
            ((long[]) cursor.value(1))[0] = 99;
            assertThat(cursor.next()).isFalse();
        }
        assertThat(slices.get(1000)).isEqualTo(new long[] {2});
    }
}
