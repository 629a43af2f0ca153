package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.checkpoint.StoredRestore;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.VoidNamespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * State writes that wait in the backend's write-back cache are seen by every read, whatever reads: point reads, a
 * map's iteration, a list's append, the keys of a state, and file checkpoints (restored exactly); and more writes than
 * the cache holds lose none.
 */
@Timeout(120)
class RocksDBWriteBackCacheTest {
    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = KeyGroupRange.of(0, MAX_PARALLELISM - 1);

    @TempDir
    Path dir;

    private final List<RocksDBKeyedStateBackend> backends = new ArrayList<>();

    @AfterEach
    void closeBackends() {
        backends.forEach(RocksDBKeyedStateBackend::close);
    }

    private RocksDBKeyedStateBackend backend() throws Exception {
        RocksDBKeyedStateBackend backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(
                new KeyedStateBackendParameters(OneSubtaskCheckpoints.OPERATOR, OneSubtaskCheckpoints.NAME, 0, MAX_PARALLELISM, ALL,
                        () -> 0L, Map.of("state.backend.type", "rocksdb", "execution.checkpointing.incremental", "true",
                                "state.backend.rocksdb.localdir", dir.resolve("local-" + backends.size()).toString())));
        backends.add(backend);
        return backend;
    }

    private static ValueState<Long> count(RocksDBKeyedStateBackend backend) {
        return backend.getOrCreateState(new ValueStateDescriptor<>("count", Long.class));
    }

    private static MapState<String, Integer> map(RocksDBKeyedStateBackend backend) {
        return backend.getOrCreateState(new MapStateDescriptor<>("map", String.class, Integer.class));
    }

    private static ListState<String> list(RocksDBKeyedStateBackend backend) {
        return backend.getOrCreateState(new ListStateDescriptor<>("list", String.class));
    }

    /** Counts {@code rounds} times for each of {@code keys} keys, reading each count back before writing it. */
    private static void countUp(RocksDBKeyedStateBackend backend, int keys, int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            for (long key = 0; key < keys; key++) {
                backend.setCurrentKey(key);
                Long before = count(backend).value();
                count(backend).update(before == null ? 1L : before + 1);
            }
        }
    }

    @Test
    void readModifyWritesOfThreeTimesMoreKeysThanTheCacheHoldsLoseNoUpdate() throws Exception {
        RocksDBKeyedStateBackend backend = backend();
        int keys = RocksDBInstance.CACHED_WRITES * 3 + 7;
        countUp(backend, keys, 3);
        for (long key = 0; key < keys; key++) {
            backend.setCurrentKey(key);
            assertThat(count(backend).value()).as("count of key %d", key).isEqualTo(3L);
        }
        assertThat(backend.getKeys("count", VoidNamespace.INSTANCE).count()).isEqualTo(keys);
    }

    @Test
    void aClearedValueWaitingInTheCacheReadsAsAbsentAndStaysAbsentAfterAFlush() throws Exception {
        RocksDBKeyedStateBackend backend = backend();
        countUp(backend, 10, 1);
        backend.setCurrentKey(3L);
        count(backend).clear();
        assertThat(count(backend).value()).isNull();
        // Enough writes to another state to flush the cache, the deletion with them.
        for (long key = 0; key <= RocksDBInstance.CACHED_WRITES; key++) {
            backend.setCurrentKey(key);
            backend.<ValueState<String>>getOrCreateState(new ValueStateDescriptor<>("other", String.class)).update("x");
        }
        backend.setCurrentKey(3L);
        assertThat(count(backend).value()).isNull();
        backend.setCurrentKey(4L);
        count(backend).update(null);
        TreeSet<Object> keys = backend.getKeys("count", VoidNamespace.INSTANCE).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).containsExactly(0L, 1L, 2L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aMapsIterationSeesEntriesPutAndRemovedJustBefore() throws Exception {
        RocksDBKeyedStateBackend backend = backend();
        backend.setCurrentKey("k");
        map(backend).put("a", 1);
        map(backend).put("b", 2);
        map(backend).put("c", 3);
        map(backend).remove("b");
        map(backend).put("a", 10);
        assertThat(map(backend).entries()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("a=10", "c=3");
        assertThat(map(backend).isEmpty()).isFalse();
        map(backend).clear();
        map(backend).put("z", 26);
        assertThat(map(backend).keys()).containsExactly("z");
    }

    @Test
    void aListAppendAfterAnUpdateWaitingInTheCacheAppendsToTheUpdate() throws Exception {
        RocksDBKeyedStateBackend backend = backend();
        backend.setCurrentKey(1);
        list(backend).add("old");
        list(backend).update(List.of("x", "y"));
        list(backend).add("z");
        assertThat(list(backend).get()).containsExactly("x", "y", "z");
    }

    @Test
    void aCheckpointTakenWhileWritesWaitInTheCacheHoldsThemAndRestoresThem() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("checkpoints"), "job");
        RocksDBKeyedStateBackend backend = backend();
        countUp(backend, 100, 2);
        backend.setCurrentKey(7L);
        count(backend).clear();
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);
        // Written after the checkpoint: not in it.
        countUp(backend, 100, 1);

        RocksDBKeyedStateBackend restored = backend();
        restored.restoreFiles(StoredRestore.load(storage.latest().orElseThrow())
                .keyedStateFiles(OneSubtaskCheckpoints.OPERATOR, 0, MAX_PARALLELISM - 1));
        for (long key = 0; key < 100; key++) {
            restored.setCurrentKey(key);
            assertThat(count(restored).value()).as("restored count of key %d", key).isEqualTo(key == 7 ? null : 2L);
        }
    }
}
