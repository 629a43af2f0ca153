package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state larger than the heap: a child JVM with a 64 MB heap keeps 250,000 keys x 800-character payloads
 * (200 MB of state) on RocksDB and reads every payload back intact, where the same job on the heap backend runs
 * out of memory; and one that checkpoints incrementally uploads little after a 1 % change, is killed with SIGKILL and
 * restores every value in a new JVM (100,000 keys x 800 characters). The {@code large-state} Maven profile runs the
 * last with 20 M keys x 100 characters (2.2 GB of keys and payloads): issue 19's proof.
 */
class LargerThanHeapTest {
    private static final long KEYS = Long.getLong("weir.largeState.keys", 250_000);
    private static final int PAYLOAD_CHARS = Integer.getInteger("weir.largeState.payload", 800);
    /** Bounds each child against a hang: generous for the machine's slowest observed rate (~10 k keys/s). */
    private static final long TIMEOUT_SECONDS = Math.max(570, KEYS / 10_000);
    /** Keys of the killed-and-restored run: 80 MB of state at 800 characters, beyond its 64 MB heap. */
    private static final long KILL_KEYS = Long.getLong("weir.largeState.killKeys", 100_000);
    private static final int KILL_PAYLOAD_CHARS = Integer.getInteger("weir.largeState.killPayload", PAYLOAD_CHARS);
    /** Bounds each of its children against a hang, for the same rate: each passes every key once or twice. */
    private static final long KILL_TIMEOUT_SECONDS = Math.max(570, KILL_KEYS / 10_000);
    /** How long the kill test waits at most for RocksDB's compactions after loading to settle before it changes keys. */
    private static final long SETTLE_SECONDS = 300;

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

    /**
     * Issue 19's proof: the job loads its keys (state many times its heap), a checkpoint holds them all, 1 % of the keys
     * change, the checkpoints that take the change up upload a small fraction of the state, the JVM is killed with
     * SIGKILL, and a new JVM restores the last of those checkpoints and reads every key's latest value back.
     */
    @Test
    void afterASmallChangeIncrementalCheckpointsUploadLittleAndAJobKilledWithSigkillRestoresEveryValue() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        ChildJvm first = Child.start(dir.resolve("first.log"), "rocksdb", KILL_KEYS, KILL_PAYLOAD_CHARS, dir.resolve("local"),
                checkpoints.toString(), "-");
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_TIMEOUT_SECONDS);
        Map<Long, Sizes> sizes = new TreeMap<>();
        try {
            awaitLine(first, "LOADED checkpoint=", waitUntil);
            long loaded = checkpointId(first.log(), "LOADED");
            // RocksDB merges the loading's last runs in the background for a while: the change starts once a checkpoint
            // after the loaded one uploaded almost nothing, so what the change's checkpoints upload is the change's.
            long settleUntil = Math.min(waitUntil, System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS));
            while (!settled(sizes, loaded) && first.process().isAlive() && System.nanoTime() < settleUntil) {
                Thread.sleep(100);
                sizes(checkpoints, sizes);
            }
            Files.createFile(Path.of(LargeStateJob.changeSignal(checkpoints.toString())));
            awaitLine(first, "CHANGED checkpoint=", waitUntil);
        } finally {
            first.process().destroyForcibly(); // SIGKILL
            first.process().waitFor();
        }
        String log = first.log();
        printPhases("first JVM", log);
        assertThat(log).as("the first JVM reached the changed checkpoint and was killed before the end").contains("CHANGED checkpoint=")
                .doesNotContain("RESULT");
        long unchanged = checkpointId(log, "CHANGING");
        long changed = checkpointId(log, "CHANGED");
        long killedAt = System.nanoTime();

        sizes(checkpoints, sizes);
        sizes.forEach((id, s) -> System.out.printf("LargerThanHeapTest chk-%d: keyed state files %d bytes, uploaded by this checkpoint "
                + "%d bytes%n", id, s.referenced(), s.uploaded()));
        assertThat(changed).as("the checkpoint holding the change comes after the last one without it").isGreaterThan(unchanged);
        long uploadedByTheChange = 0;
        for (long id = unchanged + 1; id <= changed; id++) {
            assertThat(sizes).as("checkpoint %d is retained", id).containsKey(id);
            uploadedByTheChange += sizes.get(id).uploaded();
        }
        long state = sizes.get(changed).referenced();
        System.out.printf("LargerThanHeapTest: %d keys (%d bytes of keys and payloads), state files %d bytes; checkpoint %d is the "
                        + "last before the change, %d holds the 1 %% changed; checkpoints %d..%d uploaded %d bytes (%.2f %% of the state)%n",
                KILL_KEYS, KILL_KEYS * (KILL_PAYLOAD_CHARS + 10), state, unchanged, changed, unchanged + 1, changed, uploadedByTheChange,
                100.0 * uploadedByTheChange / state);
        assertThat(state).as("the state files hold every payload (pseudo-random: no compression)")
                .isGreaterThanOrEqualTo(KILL_KEYS * KILL_PAYLOAD_CHARS);
        assertThat(uploadedByTheChange).as("bytes uploaded for a 1 %% change of a %d-byte state", state).isLessThan(state / 10);

        ChildJvm second = Child.start(dir.resolve("second.log"), "rocksdb", KILL_KEYS, KILL_PAYLOAD_CHARS, dir.resolve("local"),
                dir.resolve("checkpoints-2").toString(), checkpoints.resolve(sizes.get(changed).directory()).toString());
        assertThat(second.awaitExit(KILL_TIMEOUT_SECONDS)).as("exit code; log:%n%s", second.log()).isEqualTo(0);
        printPhases("second JVM", second.log());
        assertThat(second.log()).contains("RESULT checked=" + KILL_KEYS + " wrong=0");
        System.out.printf("LargerThanHeapTest: restored and read %d keys back in %d s%n", KILL_KEYS,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt));
    }

    /** The child's own lines on its phases (not RocksDB's per-checkpoint lines), for where the time goes. */
    private static void printPhases(String which, String log) {
        log.lines().filter(l -> l.startsWith("LOADED") || l.startsWith("CHANG") || l.startsWith("LargeStateJob:") || l.startsWith("RESULT"))
                .forEach(l -> System.out.println("LargerThanHeapTest " + which + ": " + l));
    }

    private static long checkpointId(String log, String phase) {
        Matcher m = Pattern.compile("(?m)^" + phase + " checkpoint=(\\d+)").matcher(log);
        assertThat(m.find()).as("%s in the log:%n%s", phase, log).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** What one checkpoint's keyed state files add up to, and what of it that checkpoint uploaded. */
    private record Sizes(String directory, long referenced, long uploaded) {
    }

    private static void awaitLine(ChildJvm child, String line, long untilNanos) throws Exception {
        while (!child.log().contains("\n" + line)) {
            assertThat(child.process().isAlive() && System.nanoTime() < untilNanos).as("waiting for '%s'; log:%n%s", line, child.log())
                    .isTrue();
            Thread.sleep(20);
        }
    }

    /** Whether a checkpoint after {@code loaded} uploaded under 0.5 % of the state it references. */
    private static boolean settled(Map<Long, Sizes> sizes, long loaded) {
        return sizes.entrySet().stream().anyMatch(e -> e.getKey() > loaded && e.getValue().uploaded() * 200 < e.getValue().referenced());
    }

    /**
     * Adds each completed checkpoint under {@code base} not in {@code sizes} yet, by id: the keyed state files it
     * references, and those the checkpoint before it did not (what it uploaded; all checkpoints are retained).
     */
    private static void sizes(Path base, Map<Long, Sizes> sizes) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> completed;
        try (var all = Files.walk(base, 2)) {
            completed = all.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .sorted(Comparator.comparingLong(LargerThanHeapTest::idOf)).toList();
        }
        long known = sizes.isEmpty() ? -1 : ((TreeMap<Long, Sizes>) sizes).lastKey();
        Set<String> before = Set.of();
        for (Path chk : completed) {
            long id = idOf(chk);
            if (id < known) {
                continue; // Read already; the last one read is read again for what the next one uploaded.
            }
            Set<String> files = new HashSet<>();
            long referenced = 0;
            long uploaded = 0;
            // The storage of the checkpoint's own job folder: loading from another's would delete the shared files
            // the live job uploaded for a checkpoint not completed yet, as orphans of a killed run.
            Path jobFolder = chk.getParent();
            var checkpoint = new CheckpointStorage(jobFolder.getParent(), jobFolder.getFileName().toString()).load(chk);
            for (int subtask = 0; subtask < 2; subtask++) {
                for (StateFile f : checkpoint.stateFiles("store-then-check", subtask)) {
                    files.add(f.storedName());
                    referenced += f.length();
                    if (!f.shared() || !before.contains(f.storedName())) {
                        uploaded += f.length();
                    }
                }
            }
            sizes.putIfAbsent(id, new Sizes(base.relativize(chk).toString(), referenced, uploaded));
            before = files;
        }
    }

    private static long idOf(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring(4));
    }

    /** {@link LargeStateJob} in a child JVM with a 64 MB heap. */
    private static final class Child {
        private Child() {
        }

        static ChildJvm start(Path log, String backend, Path localDir) throws IOException {
            return start(log, backend, KEYS, PAYLOAD_CHARS, localDir);
        }

        static ChildJvm start(Path log, String backend, long keys, int payloadChars, Path localDir, String... checkpointing)
                throws IOException {
            List<String> arguments = new ArrayList<>(List.of(backend, Long.toString(keys), Integer.toString(payloadChars),
                    localDir.toString()));
            arguments.addAll(List.of(checkpointing));
            Files.createDirectories(localDir);
            return ChildJvm.start(log, LargeStateJob.class, arguments);
        }
    }
}
