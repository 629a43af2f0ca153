package dev.weir.cli;

import dev.weir.testing.LocalPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.web.RestSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir stop JOB} against {@code weir run}: the request completes when the savepoint is written, the command
 * prints its path, and the job's end (which ends {@code weir run} and its server) does not hide the answer.
 */
@Timeout(60)
class StopCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;

    @TempDir
    Path savepoints;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setProperty(RestSettings.SAVEPOINT_DIRECTORY, savepoints.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.clearProperty(RestSettings.SAVEPOINT_DIRECTORY);
    }

    @Test
    void stopPrintsTheSavepointPathAndWeirRunEndsNormally() throws Exception {
        int port = LocalPorts.pick();
        AtomicInteger runExit = new AtomicInteger(-1);
        java.util.Set<String> earlier = new java.util.HashSet<>();
        for (JobView j : JobRegistry.global().jobs()) {
            earlier.add(j.id());
        }
        Thread run = new Thread(() -> runExit.set(Weir.execute("run", "--port", Integer.toString(port), EndlessJob.class.getName())));
        run.start();
        JobView job = awaitRunning("endless", earlier);
        // Its dashboard is up: `weir run` prints this line once the server listens (a job of this JVM's registry seen
        // RUNNING alone proved neither; a fresh-clone CI run once asked a server not yet listening).
        while (!out.toString(StandardCharsets.UTF_8).contains("Weir dashboard: ")) {
            Thread.sleep(10);
        }

        int stopExit = Weir.execute("stop", "--address", "localhost:" + port, job.id());
        run.join();

        assertThat(stopExit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        String prefix = "Job " + job.id() + " stopped with savepoint: ";
        assertThat(printed).contains(prefix);
        String path = printed.substring(printed.indexOf(prefix) + prefix.length()).lines().findFirst().orElseThrow();
        assertThat(Path.of(path).getParent()).isEqualTo(savepoints);
        assertThat(Path.of(path, "_metadata")).exists();
        assertThat(runExit.get()).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    }

    /** The job named {@code name} that this test started (none of {@code earlier}), once it runs. */
    private static JobView awaitRunning(String name, java.util.Set<String> earlier) throws InterruptedException {
        while (true) {
            for (JobView j : JobRegistry.global().jobs()) {
                if (j.name().equals(name) && j.status() == JobStatus.RUNNING && !earlier.contains(j.id())) {
                    return j;
                }
            }
            Thread.sleep(10);
        }
    }
}
