package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.testing.LocalPorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir run -D key=value}: the options every environment of the job starts from, as Flink's dynamic properties.
 * The probe job counts per key in value state, fails once after a checkpoint and restores it, and reports the class
 * of the value state it got, which names the backend.
 */
@Timeout(120)
class RunWithDynamicPropertiesTest {
    private static final String BACKEND_TYPE = "state.backend.type";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureErr() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrAndProperties() {
        System.setErr(oldErr);
        System.clearProperty(BACKEND_TYPE);
        System.clearProperty("state.backend.rocksdb.timer-service.factory");
    }

    @Test
    void dashDStateBackendTypeRocksdbKeepsTheJobsStateInRocksDBAndRestoresItFromARocksDBCheckpoint() throws Exception {
        int code = run("-D", BACKEND_TYPE + "=rocksdb");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.txt"))).containsExactlyElementsOf(expected("RocksDBValueState"));
    }

    @Test
    void theAttachedFormDashDKeyEqualsValueWorksTheSameAndTakesSeveralOptions() throws Exception {
        int code = run("-D" + BACKEND_TYPE + "=rocksdb", "-Dstate.backend.rocksdb.timer-service.factory=HEAP");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.txt"))).containsExactlyElementsOf(expected("RocksDBValueState"));
        assertThat(System.getProperty("state.backend.rocksdb.timer-service.factory")).isEqualTo("HEAP");
    }

    @Test
    void withoutDashDTheJobRunsOnTheHeap() throws Exception {
        int code = run();

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.txt"))).containsExactlyElementsOf(expected("HeapValueState"));
    }

    @Test
    void aBackendTheProgramSetsItselfWinsOverDashD() throws Exception {
        int code = runWithJobArgs(List.of("-D", BACKEND_TYPE + "=rocksdb"), "heap");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.txt"))).containsExactlyElementsOf(expected("HeapValueState"));
    }

    @Test
    void aStateBackendTypeNoBackendHasFailsTheJobNamingTheKeyTheValueAndTheBackendsThereAre() throws Exception {
        int code = run("-D", BACKEND_TYPE + "=rockdb");

        assertThat(code).isEqualTo(Weir.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("weir: the job failed: ")
                .contains("state.backend.type is 'rockdb', but no state backend of that type is on the class path (found: "
                        + "[hashmap, rocksdb]): use one of [hashmap, rocksdb]");
        assertThat(dir.resolve("out.txt")).doesNotExist();
    }

    @Test
    void aRocksDBOptionWithABadValueFailsTheJobNamingTheOption() throws Exception {
        int code = run("-D", BACKEND_TYPE + "=rocksdb", "-D", "state.backend.rocksdb.timer-service.factory=DISK");

        assertThat(code).isEqualTo(Weir.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("state.backend.rocksdb.timer-service.factory must be HEAP or ROCKSDB, was 'DISK'");
    }

    @Test
    void dashDWithoutAnEqualsSignIsRefusedBeforeTheJobStarts() throws Exception {
        int code = run("-D", BACKEND_TYPE);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Value for option option '-D' (KEY=VALUE) should be in KEY=VALUE format but was state.backend.type");
        assertThat(System.getProperty(BACKEND_TYPE)).isNull();
    }

    private int run(String... options) {
        return runWithJobArgs(List.of(options));
    }

    private int runWithJobArgs(List<String> options, String... extraJobArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--port", Integer.toString(LocalPorts.pick())));
        args.addAll(options);
        args.add(StateBackendProbeJob.class.getName());
        args.add(dir.resolve("out.txt").toString());
        args.add(dir.resolve("checkpoints").toString());
        args.addAll(List.of(extraJobArgs));
        return Weir.execute(args.toArray(new String[0]));
    }

    /** "key count sum state-class" of 0..1999 keyed by value modulo 5, as the job computes them. */
    private static List<String> expected(String stateClass) {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            long count = 0;
            long sum = 0;
            for (long n = k; n < 2000; n += 5) {
                count++;
                sum += n;
            }
            lines.add(k + " " + count + " " + sum + " " + stateClass);
        }
        return lines;
    }
}
