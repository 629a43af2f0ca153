package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.ValueState;
import dev.weir.engine.checkpoint.DeferredKeyGroups;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.KeyedStateSnapshots;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.ManualProcessingTimeService;
import dev.weir.engine.time.Triggerable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RocksDB savepoint is read key group by key group from a copy taken at the barrier: each key group's entries and
 * timers are exactly those the whole-state snapshot holds, changes after the barrier are not in it, and releasing it
 * deletes the copy.
 */
class RocksDBSavepointCopyTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 2_000;

    @TempDir
    Path dir;

    private RocksDBKeyedStateBackend backend;

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void eachKeyGroupReadFromTheCopyHoldsWhatTheWholeSnapshotHoldsAsOfTheBarrier() throws Exception {
        backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(new KeyedStateBackendParameters("op",
                "Keyed Process (1/1)", 0, MAX_PARALLELISM, KeyGroupRange.of(10, 90), () -> 0L,
                Map.of("state.backend.type", "rocksdb", "state.backend.rocksdb.localdir", dir.toString())));
        CheckpointableTimerServices timers = backend.createTimerServices(backend, new ManualProcessingTimeService());
        InternalTimerService<VoidNamespace> service = timers.getTimerService("user-timers", new Triggerable<VoidNamespace>() {
            @Override
            public void onEventTime(InternalTimer<VoidNamespace> timer) {
            }

            @Override
            public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
            }
        });
        ValueState<String> value = backend.getOrCreateState(new ValueStateDescriptor<>("v", String.class));
        ListState<Integer> list = backend.getOrCreateState(new ListStateDescriptor<>("l", Integer.class));
        MapState<String, Long> map = backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, Long.class));
        List<Integer> keys = new ArrayList<>();
        for (int key = 0; key < KEYS * 4 && keys.size() < KEYS; key++) {
            int keyGroup = dev.weir.engine.state.KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
            if (keyGroup >= 10 && keyGroup <= 90) {
                keys.add(key);
                backend.setCurrentKey(key);
                value.update("v" + key);
                list.add(key);
                list.add(-key);
                map.put("a", (long) key);
                map.put("b", (long) -key);
                service.registerEventTimeTimer(VoidNamespace.INSTANCE, key % 17);
                service.registerProcessingTimeTimer(VoidNamespace.INSTANCE, 1_000 + key);
            }
        }
        KeyGroupSnapshot[] whole = KeyedStateSnapshots.snapshot(backend, timers, true);

        DeferredKeyGroups copy = backend.snapshotForSavepoint(7);
        for (int key : keys) {
            backend.setCurrentKey(key);
            value.update("after the barrier");
            list.add(0);
            service.registerEventTimeTimer(VoidNamespace.INSTANCE, 99);
        }
        List<Path> copies;
        try (var listed = Files.list(dir)) {
            copies = listed.filter(p -> p.getFileName().toString().endsWith("-savepoint-7")).toList();
        }
        assertThat(copies).hasSize(1);
        for (KeyGroupSnapshot expected : whole) {
            KeyGroupSnapshot read = new KeyGroupSnapshot(expected.keyGroup);
            copy.fill(read);
            assertThat(describe(read)).as("key group " + expected.keyGroup).isEqualTo(describe(expected));
        }
        assertThat(java.util.Arrays.stream(whole).mapToInt(g -> g.states.size()).sum()).isEqualTo(3 * keys.size());
        copy.release();
        assertThat(copies.get(0)).doesNotExist();
    }

    /** A key group's entries and timers as sorted text, so the comparison does not depend on visiting order. */
    private static TreeSet<String> describe(KeyGroupSnapshot group) {
        TreeSet<String> out = new TreeSet<>();
        for (KeyGroupSnapshot.StateEntry e : group.states) {
            out.add(e.state + "|" + e.key + "|" + e.namespace + "|" + e.value);
        }
        for (KeyGroupSnapshot.TimerEntry t : group.timers) {
            out.add("timer|" + t.service + "|" + t.eventTime + "|" + t.key + "|" + t.namespace + "|" + t.timestamp);
        }
        return out;
    }
}
