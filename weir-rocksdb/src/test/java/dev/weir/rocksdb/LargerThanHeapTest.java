package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state larger than the heap: a child JVM with a 64 MB heap keeps 250,000 keys x 800-character payloads
 * (200 MB of state) on RocksDB and reads every payload back intact, where the same job on the heap backend runs
 * out of memory. The {@code large-state} Maven profile runs it with 20 M keys x 100 characters (GBs of state).
 */
class LargerThanHeapTest {
    private static final long KEYS = Long.getLong("weir.largeState.keys", 250_000);
    private static final int PAYLOAD_CHARS = Integer.getInteger("weir.largeState.payload", 800);
    /** Bounds each child against a hang: generous for the machine's slowest observed rate (~10 k keys/s). */
    private static final long TIMEOUT_SECONDS = Math.max(570, KEYS / 10_000);

    @TempDir
    Path dir;

    @Test
    void aJobWithStateFourTimesItsHeapRunsOnRocksDBAndReadsEveryValueBack() throws Exception {
        Child child = Child.start(dir.resolve("rocksdb.log"), "rocksdb", dir.resolve("local"));
        assertThat(child.awaitExit(TIMEOUT_SECONDS)).as("exit code; log:%n%s", child.log()).isEqualTo(0);
        assertThat(child.log()).contains("RESULT checked=" + KEYS + " wrong=0");
    }

    @Test
    void theSameJobOnTheHeapBackendRunsOutOfMemory() throws Exception {
        Child child = Child.start(dir.resolve("heap.log"), "hashmap", dir.resolve("local"));
        int exit = child.awaitExit(TIMEOUT_SECONDS);
        assertThat(child.log()).as("exit code %d", exit).contains("OutOfMemoryError").doesNotContain("RESULT");
    }

    /** The job's main in a JVM of its own with a 64 MB heap that exits on the first OutOfMemoryError. */
    private record Child(Process process, Path logFile) {
        static Child start(Path log, String backend, Path localDir) throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), LargeStateJob.class.getName(),
                    backend, Long.toString(KEYS), Integer.toString(PAYLOAD_CHARS), localDir.toString()));
            Files.createDirectories(localDir);
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        }

        int awaitExit(long seconds) throws Exception {
            try {
                assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the child JVM ended within %d s; log:%n%s", seconds, log())
                        .isTrue();
            } finally {
                process.destroyForcibly();
            }
            return process.exitValue();
        }

        String log() throws IOException {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        }
    }
}
