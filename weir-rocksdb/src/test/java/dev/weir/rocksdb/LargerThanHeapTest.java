package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state larger than the heap: a child JVM with a 64 MB heap keeps 250,000 keys x 800-character payloads
 * (200 MB of state) on RocksDB and reads every payload back intact, where the same job on the heap backend runs
 * out of memory; and one killed with SIGKILL part-way restores its latest incremental checkpoint and finds every
 * value. The {@code large-state} Maven profile runs the first with 20 M keys x 100 characters (GBs of state).
 */
class LargerThanHeapTest {
    private static final long KEYS = Long.getLong("weir.largeState.keys", 250_000);
    private static final int PAYLOAD_CHARS = Integer.getInteger("weir.largeState.payload", 800);
    /** Bounds each child against a hang: generous for the machine's slowest observed rate (~10 k keys/s). */
    private static final long TIMEOUT_SECONDS = Math.max(570, KEYS / 10_000);
    /** Keys of the killed-and-restored run: 80 MB of state at 800 characters, beyond its 64 MB heap. */
    private static final long KILL_KEYS = Long.getLong("weir.largeState.killKeys", 100_000);

    @TempDir
    Path dir;

    @Test
    void aJobWithStateFourTimesItsHeapRunsOnRocksDBAndReadsEveryValueBack() throws Exception {
        ChildJvm child = Child.start(dir.resolve("rocksdb.log"), "rocksdb", dir.resolve("local"));
        assertThat(child.awaitExit(TIMEOUT_SECONDS)).as("exit code; log:%n%s", child.log()).isEqualTo(0);
        assertThat(child.log()).contains("RESULT checked=" + KEYS + " wrong=0");
    }

    @Test
    void theSameJobOnTheHeapBackendRunsOutOfMemory() throws Exception {
        ChildJvm child = Child.start(dir.resolve("heap.log"), "hashmap", dir.resolve("local"));
        int exit = child.awaitExit(TIMEOUT_SECONDS);
        assertThat(child.log()).as("exit code %d", exit).contains("OutOfMemoryError").doesNotContain("RESULT");
    }

    @Test
    void aJobKilledWithSigkillRestoresItsLatestIncrementalCheckpointInA64MbHeapAndFindsEveryValue() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        // The first pass (storing) takes at least eight seconds, so the kill comes while it runs.
        ChildJvm first = Child.start(dir.resolve("first.log"), "rocksdb", KILL_KEYS, dir.resolve("local"), checkpoints.toString(),
                Long.toString(Math.max(1, KILL_KEYS / 8)), "-");
        try {
            while (completedCheckpoints(checkpoints).size() < 3 && first.process().isAlive()) {
                Thread.sleep(20);
            }
        } finally {
            first.process().destroyForcibly(); // SIGKILL
            first.process().waitFor();
        }
        assertThat(first.log()).as("killed before the end").doesNotContain("RESULT");
        List<Path> completed = completedCheckpoints(checkpoints);
        assertThat(completed).as("log:%n%s", first.log()).hasSizeGreaterThanOrEqualTo(3);
        reportSizes(completed);

        ChildJvm second = Child.start(dir.resolve("second.log"), "rocksdb", KILL_KEYS, dir.resolve("local"),
                dir.resolve("checkpoints-2").toString(), "1000000000", completed.get(0).getParent().toString());
        assertThat(second.awaitExit(TIMEOUT_SECONDS)).as("exit code; log:%n%s", second.log()).isEqualTo(0);
        assertThat(second.log()).contains("RESULT checked=" + KILL_KEYS + " wrong=0");
    }

    /** The completed checkpoints under {@code base}, oldest first. */
    private static List<Path> completedCheckpoints(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (var all = Files.walk(base, 2)) {
            return all.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .sorted(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // Retention deleted a folder while we looked: look again.
        }
    }

    /** Prints what each checkpoint uploaded against the state it references: the figures the docs quote. */
    private static void reportSizes(List<Path> completed) throws IOException {
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (Path chk : completed) {
            var checkpoint = new dev.weir.engine.checkpoint.storage.CheckpointStorage(chk.getParent().getParent(), "x").load(chk);
            long referenced = 0;
            long uploaded = 0;
            for (int subtask = 0; subtask < 2; subtask++) {
                for (var f : checkpoint.stateFiles("store-then-check", subtask)) {
                    referenced += f.length();
                    if (!f.shared() || stored.add(f.storedName())) {
                        uploaded += f.length();
                    }
                }
            }
            System.out.printf("LargerThanHeapTest %s: keyed state files %d bytes, uploaded by this checkpoint %d bytes%n",
                    chk.getFileName(), referenced, uploaded);
        }
    }

    /** {@link LargeStateJob} in a child JVM with a 64 MB heap. */
    private static final class Child {
        private Child() {
        }

        static ChildJvm start(Path log, String backend, Path localDir) throws IOException {
            return start(log, backend, KEYS, localDir);
        }

        static ChildJvm start(Path log, String backend, long keys, Path localDir, String... checkpointing) throws IOException {
            List<String> arguments = new ArrayList<>(List.of(backend, Long.toString(keys), Integer.toString(PAYLOAD_CHARS),
                    localDir.toString()));
            arguments.addAll(List.of(checkpointing));
            Files.createDirectories(localDir);
            return ChildJvm.start(log, LargeStateJob.class, arguments);
        }
    }
}
