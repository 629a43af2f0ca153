package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.engine.checkpoint.RestoredJob;
import dev.weir.engine.checkpoint.StoredRestore;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.ManualProcessingTimeService;
import dev.weir.engine.time.Triggerable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timers in RocksDB go into the backend's checkpoint files (full and incremental) and come back from them: at the same
 * parallelism and, split by key group, at another, firing in the order an uninterrupted run fires them (timestamp,
 * then registration), with timers registered after the restore after the restored ones of the same timestamp.
 */
@Timeout(120)
class RocksDBTimerCheckpointTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 3_000;

    @TempDir
    Path dir;

    private final List<RocksDBKeyedStateBackend> backends = new ArrayList<>();
    private final ManualProcessingTimeService clock = new ManualProcessingTimeService();
    private final List<String> fired = new ArrayList<>();
    /** Every timer registered, as {@code [key, timestamp, registration index, event time 1/0]}. */
    private final List<long[]> registered = new ArrayList<>();
    private CheckpointStorage storage;

    @BeforeEach
    void storage() {
        storage = new CheckpointStorage(dir.resolve("checkpoints"), "job");
    }

    @AfterEach
    void closeBackends() {
        backends.forEach(RocksDBKeyedStateBackend::close);
    }

    private RocksDBKeyedStateBackend backend(KeyGroupRange range, boolean incremental, String timerFactory) throws Exception {
        RocksDBKeyedStateBackend backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(
                new KeyedStateBackendParameters(OneSubtaskCheckpoints.OPERATOR, OneSubtaskCheckpoints.NAME, 0, MAX_PARALLELISM, range,
                        () -> 0L, Map.of("state.backend.type", "rocksdb", "execution.checkpointing.incremental", Boolean.toString(incremental),
                                "state.backend.rocksdb.timer-service.factory", timerFactory,
                                "state.backend.rocksdb.localdir", dir.resolve("local").toString())));
        backends.add(backend);
        return backend;
    }

    private InternalTimerService<String> service(RocksDBKeyedStateBackend backend) {
        return service(backend, clock);
    }

    private InternalTimerService<String> service(RocksDBKeyedStateBackend backend, ManualProcessingTimeService processingTime) {
        return backend.createTimerServices(backend, processingTime).getTimerService("user-timers", new Triggerable<String>() {
            @Override
            public void onEventTime(InternalTimer<String> timer) {
                fired.add("event " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp());
            }

            @Override
            public void onProcessingTime(InternalTimer<String> timer) {
                fired.add("processing " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp());
            }
        });
    }

    /** Registers timers for every key, several per key and many keys per timestamp, some deleted again. */
    private void register(RocksDBKeyedStateBackend backend, InternalTimerService<String> timers, int round) {
        for (int key = 0; key < KEYS; key++) {
            backend.setCurrentKey(key);
            long time = 1_000L * round + (key * 7L) % 50;
            timers.registerEventTimeTimer("ns", time);
            registered.add(new long[] {key, time, registered.size(), 1});
            if (key % 3 == 0) {
                timers.registerEventTimeTimer("ns", time + 500);
                registered.add(new long[] {key, time + 500, registered.size(), 1});
            }
            if (key % 5 == 0) {
                int deleted = key;
                timers.deleteEventTimeTimer("ns", time);
                registered.removeIf(t -> t[0] == deleted && t[1] == time && t[3] == 1);
            }
            if (key % 100 == 0) {
                timers.registerProcessingTimeTimer("ns", 10_000L * round + key);
                registered.add(new long[] {key, 10_000L * round + key, registered.size(), 0});
            }
        }
    }

    /** The firings an uninterrupted run gives for the keys of {@code range}: event time first, by timestamp then registration. */
    private List<String> expectedFor(KeyGroupRange range) {
        List<String> expected = new ArrayList<>();
        for (int eventTime = 1; eventTime >= 0; eventTime--) {
            int domain = eventTime;
            registered.stream().filter(t -> t[3] == domain)
                    .filter(t -> range.contains(KeyGroupRangeAssignment.assignToKeyGroup((int) t[0], MAX_PARALLELISM)))
                    .sorted(Comparator.<long[]>comparingLong(t -> t[1]).thenComparingLong(t -> t[2]))
                    .forEach(t -> expected.add((domain == 1 ? "event " : "processing ") + t[0] + "/ns@" + t[1]));
        }
        return expected;
    }

    private List<String> restoreAndFire(RestoredJob restore, KeyGroupRange range) throws Exception {
        fired.clear();
        RocksDBKeyedStateBackend restored = backend(range, true, "ROCKSDB");
        ManualProcessingTimeService restoredClock = new ManualProcessingTimeService();
        // Asked for before the restore, as an operator may in setup: the restore replaces the database underneath.
        InternalTimerService<String> timers = service(restored, restoredClock);
        restored.restoreFiles(restore.keyedStateFiles(OneSubtaskCheckpoints.OPERATOR, range.getStartKeyGroup(), range.getEndKeyGroup()));
        CheckpointableTimerServices all = restored.createTimerServices(restored, restoredClock);
        all.advanceWatermark(Long.MAX_VALUE);
        restoredClock.setCurrentTime(Long.MAX_VALUE);
        assertThat(timers.numEventTimeTimers()).isZero();
        assertThat(timers.numProcessingTimeTimers()).isZero();
        return new ArrayList<>(fired);
    }

    @Test
    void timersInAnIncrementalCheckpointRestoreAtTheSameParallelismAndFireInTheUninterruptedOrder() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), true, "ROCKSDB");
        InternalTimerService<String> timers = service(backend);
        register(backend, timers, 1);
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);
        register(backend, timers, 2);
        OneSubtaskCheckpoints.checkpoint(storage, 2, backend, MAX_PARALLELISM);
        int registeredBeforeRestore = registered.size();

        List<String> restored = restoreAndFire(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));

        assertThat(registeredBeforeRestore).isGreaterThan(KEYS);
        assertThat(restored).isEqualTo(expectedFor(KeyGroupRange.of(0, MAX_PARALLELISM - 1)));
    }

    @Test
    void timersInAFullCheckpointRestoreSplitByKeyGroupAtAnotherParallelism() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), false, "ROCKSDB");
        register(backend, service(backend), 1);
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);
        RestoredJob restore = StoredRestore.load(storage.latest().orElseThrow());

        List<String> all = new ArrayList<>();
        for (KeyGroupRange range : List.of(KeyGroupRange.of(0, 42), KeyGroupRange.of(43, 85), KeyGroupRange.of(86, 127))) {
            List<String> restored = restoreAndFire(restore, range);
            assertThat(restored).as("the timers of " + range).isEqualTo(expectedFor(range));
            all.addAll(restored);
        }
        assertThat(all).hasSameSizeAs(expectedFor(KeyGroupRange.of(0, MAX_PARALLELISM - 1)));
    }

    @Test
    void aTimerRegisteredAfterTheRestoreFiresAfterTheRestoredOnesOfTheSameTimestamp() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), true, "ROCKSDB");
        InternalTimerService<String> timers = service(backend);
        for (int key : new int[] {5, 3, 9}) {
            backend.setCurrentKey(key);
            timers.registerEventTimeTimer("ns", 100);
        }
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);

        RocksDBKeyedStateBackend restored = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), true, "ROCKSDB");
        restored.restoreFiles(StoredRestore.load(storage.latest().orElseThrow()).keyedStateFiles(OneSubtaskCheckpoints.OPERATOR, 0,
                MAX_PARALLELISM - 1));
        InternalTimerService<String> again = service(restored);
        restored.setCurrentKey(1);
        again.registerEventTimeTimer("ns", 100);
        restored.setCurrentKey(3);
        again.registerEventTimeTimer("ns", 100);
        restored.createTimerServices(restored, clock).advanceWatermark(100);

        assertThat(fired).containsExactly("event 5/ns@100", "event 3/ns@100", "event 9/ns@100", "event 1/ns@100");
    }

    @Test
    void timersCheckpointedInRocksDBAreRefusedByAJobThatKeepsTimersOnTheHeapNamingTheWayOut() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), true, "ROCKSDB");
        register(backend, service(backend), 1);
        OneSubtaskCheckpoints.checkpoint(storage, 1, backend, MAX_PARALLELISM);

        RocksDBKeyedStateBackend heapTimers = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), true, "HEAP");
        assertThat(heapTimers.createTimerServices(heapTimers, clock)).isNull();
        assertThatThrownBy(() -> heapTimers.restoreFiles(StoredRestore.load(storage.latest().orElseThrow())
                .keyedStateFiles(OneSubtaskCheckpoints.OPERATOR, 0, MAX_PARALLELISM - 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot restore the timers of Keyed Process (1/1): the checkpoint holds them in RocksDB "
                        + "(state.backend.rocksdb.timer-service.factory: ROCKSDB) and this job keeps timers on the heap (HEAP). "
                        + "Restore with ROCKSDB, or switch through a savepoint (savepoints hold timers in the format both restore)");
    }
}
