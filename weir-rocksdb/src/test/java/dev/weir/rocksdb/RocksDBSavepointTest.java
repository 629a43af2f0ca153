package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.JobClient;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.CompletedCheckpoint;
import dev.weir.engine.checkpoint.storage.StateFile;
import dev.weir.runtime.state.StateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.checkpoint.StatefulJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint suite's keyed job (value and map state, event-time timers, tumbling and sliding windows, an
 * exactly-once file sink) on RocksDB: uninterrupted it writes exactly what it writes on the heap; stopped with a
 * savepoint and continued, at another parallelism (2 -> 3 -> 1) or on the other backend (RocksDB -> heap, heap ->
 * RocksDB), the committed output of all runs together equals the uninterrupted run's.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RocksDBSavepointTest {
    private static final long N = 40_000;

    @TempDir
    static Path dir;

    private List<String> uninterruptedOnHeap;
    private String rocksSavepoint;
    private String heapSavepoint;

    @BeforeAll
    void runUninterruptedOnTheHeapAndStopARunOnEachBackend() throws Exception {
        StreamExecutionEnvironment env = environment("clean-heap", new HashMapStateBackend());
        StatefulJob.build(env, N, 1_000_000_000, 2, dir.resolve("clean-heap"), true);
        env.execute("stateful");
        uninterruptedOnHeap = CommittedFiles.sortedLines(dir.resolve("clean-heap"));
        assertThat(uninterruptedOnHeap).hasSizeGreaterThan((int) N);

        rocksSavepoint = stopPartWay("first-rocks", rocksdb(), 2, null);
        heapSavepoint = stopPartWay("first-heap", new HashMapStateBackend(), 2, null);
    }

    private static StateBackend rocksdb() {
        EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
        backend.setDbStoragePath(dir.resolve("rocks-local").toString());
        return backend;
    }

    private String stopPartWay(String name, StateBackend backend, int parallelism, String restoreFrom) throws Exception {
        StreamExecutionEnvironment env = environment(name, backend);
        if (restoreFrom != null) {
            env.setRestorePath(restoreFrom, false);
        }
        // 5,000 records/s: the savepoint (a RocksDB copy read key group by key group on the I/O thread) must complete
        // before the input ends even on a loaded machine (at 20,000/s it did not, once, at load 35).
        StatefulJob.build(env, N, 5_000, parallelism, dir.resolve(name), true);
        long start = StatefulJob.READ.get();
        JobClient client = env.executeAsync("stateful");
        while (StatefulJob.READ.get() - start < N / 3) {
            Thread.sleep(5);
        }
        String path = client.stopWithSavepoint(false, dir.resolve("savepoints").toString()).get();
        assertThat(StatefulJob.READ.get() - start).as("stopped part-way").isLessThan(N);
        return path;
    }

    private StreamExecutionEnvironment environment(String name, StateBackend backend) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + name).toString());
        env.setStateBackend(backend);
        return env;
    }

    private List<String> continueFrom(String savepointPath, String firstRun, String name, int parallelism, StateBackend backend)
            throws Exception {
        Path out = dir.resolve(name);
        CommittedFiles.copyTree(dir.resolve(firstRun), out);
        StreamExecutionEnvironment env = environment(name, backend);
        env.setRestorePath(savepointPath, false);
        StatefulJob.build(env, N, 1_000_000_000, parallelism, out, true);
        env.execute("stateful");
        return CommittedFiles.sortedLines(out);
    }

    @Test
    void anUninterruptedRunOnRocksDBKeepsItsStateInRocksDBAndWritesExactlyWhatTheHeapRunWrites() throws Exception {
        StreamExecutionEnvironment env = environment("clean-rocks", rocksdb());
        StatefulJob.build(env, N, 50_000, 2, dir.resolve("clean-rocks"), true);
        JobClient client = env.executeAsync("stateful");
        List<String> working = workingDatabases();
        while (working.size() < 6 && !client.getJobExecutionResult().isDone()) {
            Thread.sleep(1);
            working = workingDatabases();
        }
        assertThat(working).as("one RocksDB per keyed subtask while the job runs")
                .anyMatch(d -> d.startsWith("weir-rocksdb-counts-0-")).anyMatch(d -> d.startsWith("weir-rocksdb-counts-1-"))
                .anyMatch(d -> d.startsWith("weir-rocksdb-window-0-")).anyMatch(d -> d.startsWith("weir-rocksdb-sliding-1-"));
        client.getJobExecutionResult().get();
        assertThat(CommittedFiles.difference(uninterruptedOnHeap, CommittedFiles.sortedLines(dir.resolve("clean-rocks")))).isEqualTo("same");
        try (Stream<Path> left = Files.list(dir.resolve("rocks-local"))) {
            assertThat(left).as("working databases deleted when the tasks end").isEmpty();
        }
    }

    @Test
    void aRocksDBSavepointRestoresOnRocksDBAtParallelismThreeThenOne() throws Exception {
        CommittedFiles.copyTree(dir.resolve("first-rocks"), dir.resolve("second-rocks"));
        String second = stopPartWay("second-rocks", rocksdb(), 3, rocksSavepoint);
        List<String> all = continueFrom(second, "second-rocks", "third-rocks", 1, rocksdb());
        assertThat(CommittedFiles.difference(uninterruptedOnHeap, all)).isEqualTo("same");
    }

    @Test
    void aRocksDBSavepointRestoresOnTheHeap() throws Exception {
        assertThat(CommittedFiles.difference(uninterruptedOnHeap,
                continueFrom(rocksSavepoint, "first-rocks", "rocks-to-heap", 2, new HashMapStateBackend()))).isEqualTo("same");
    }

    @Test
    void aHeapSavepointRestoresOnRocksDBAtAnotherParallelism() throws Exception {
        assertThat(CommittedFiles.difference(uninterruptedOnHeap,
                continueFrom(heapSavepoint, "first-heap", "heap-to-rocks", 3, rocksdb()))).isEqualTo("same");
    }

    @Test
    void aCancelledRunsLatestIncrementalCheckpointRestoresAtParallelismThreeOnRocksDBAndIsRefusedOnTheHeap() throws Exception {
        EmbeddedRocksDBStateBackend incremental = new EmbeddedRocksDBStateBackend(true);
        incremental.setDbStoragePath(dir.resolve("rocks-local-incremental").toString());
        StreamExecutionEnvironment env = environment("first-incremental", incremental);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.getCheckpointConfig().setNumRetainedCheckpoints(2);
        StatefulJob.build(env, N, 4_000, 2, dir.resolve("first-incremental"), true);
        long start = StatefulJob.READ.get();
        JobClient client = env.executeAsync("stateful");
        Path base = dir.resolve("checkpoints-first-incremental");
        while ((StatefulJob.READ.get() - start < N / 3 || completedCheckpoints(base) < 3)
                && !client.getJobExecutionResult().isDone()) {
            Thread.sleep(5);
        }
        client.cancel().get();
        assertThat(StatefulJob.READ.get() - start).as("cancelled part-way").isLessThan(N);
        Path checkpoints;
        try (Stream<Path> jobs = Files.list(base)) {
            checkpoints = jobs.findFirst().orElseThrow();
        }
        CompletedCheckpoint latest = new CheckpointStorage(base, "stateful").load(checkpoints);
        assertThat(latest.stateFiles("counts", 0)).as("the keyed state is in RocksDB's files").isNotEmpty();
        assertThat(latest.stateFiles("counts", 0)).anyMatch(StateFile::shared);

        StreamExecutionEnvironment onHeap = environment("incremental-on-heap", new HashMapStateBackend());
        onHeap.setRestorePath(checkpoints.toString(), false);
        StatefulJob.build(onHeap, N, 1_000_000_000, 2, dir.resolve("incremental-on-heap"), true);
        assertThatThrownBy(() -> onHeap.execute("stateful")).hasStackTraceContaining("its keyed state is there as the files of a "
                + "RocksDB checkpoint, and this job's state backend is HeapKeyedStateBackend. Restore it with state.backend.type: "
                + "rocksdb, or switch backends through a savepoint (savepoints are in the format every backend restores)");

        EmbeddedRocksDBStateBackend next = new EmbeddedRocksDBStateBackend(true);
        next.setDbStoragePath(dir.resolve("rocks-local-incremental").toString());
        assertThat(CommittedFiles.difference(uninterruptedOnHeap,
                continueFrom(checkpoints.toString(), "first-incremental", "incremental-to-3", 3, next))).isEqualTo("same");
    }

    private static long completedCheckpoints(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return 0;
        }
        try (Stream<Path> folders = Files.walk(base, 2)) {
            return folders.filter(f -> f.getFileName().toString().startsWith("chk-") && Files.exists(f.resolve("_metadata"))).count();
        } catch (UncheckedIOException e) {
            return 0; // Retention deleted a folder while we walked: the caller looks again.
        }
    }

    private static List<String> workingDatabases() throws IOException {
        Path local = dir.resolve("rocks-local");
        if (!Files.isDirectory(local)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(local)) {
            return dirs.map(p -> p.getFileName().toString()).toList();
        }
    }
}
