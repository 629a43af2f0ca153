package dev.weir.streaming.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process kill: {@link StatefulJob} with its exactly-once file sink runs in a child JVM ({@link KillableJobMain}),
 * which is killed with SIGKILL at seeded random moments (after the run's first completed checkpoint, so every run
 * makes progress), each time restarted from the killed run's checkpoint folder, and finally left to finish. What the sink committed over all runs equals
 * the failure-free output exactly. {@code -Dweir.kill.seed=<n>} replays other moments.
 */
// Against hangs only: at load 50, with two modules' tests at once, a first checkpoint came after 18 s and the pass went
// past 150 s.
@Timeout(300)
class ProcessKillTest {
    private static final long N = 40_000;
    private static final long PER_SECOND = 10_000;
    /** The killed runs read slower, so a loaded machine's first checkpoint still comes long before their input ends. */
    private static final long PER_SECOND_WHILE_KILLED = 2_500;
    private static final int KILLS = 3;
    private static final long SEED = Long.getLong("weir.kill.seed", 5L);

    @TempDir
    Path dir;

    @Test
    void aJobKilledThreeTimesBySigkillAndRestartedFromItsCheckpointFolderCommitsExactlyTheFailureFreeOutput() throws Exception {
        List<String> expected = failureFreeOutput();
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(SEED);
        List<String> restoredFrom = new ArrayList<>();
        Optional<Path> restore = Optional.empty();

        for (int run = 0; run < KILLS; run++) {
            restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
            ChildJob child = start(PER_SECOND_WHILE_KILLED, out, checkpoints, restore, dir.resolve("run-" + run + ".log"));
            long firstCheckpointMillis;
            int delay;
            Path jobFolder;
            try {
                String jobId = child.awaitRunning();
                long started = System.nanoTime();
                jobFolder = checkpoints.resolve(KillableJobMain.JOB_NAME + "-" + jobId);
                child.awaitACompletedCheckpoint(jobFolder);
                firstCheckpointMillis = (System.nanoTime() - started) / 1_000_000;
                // Anywhere in the following checkpoint cycles: while writing one, committing one, or between them.
                delay = random.nextInt(700);
                Thread.sleep(delay);
                assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, child.log())
                        .isTrue();
            } finally {
                child.kill();
            }
            System.out.printf("ProcessKillTest (seed %d): run %d restored from %s, first checkpoint after %d ms, killed %d ms later; "
                    + "%d lines committed so far%n", SEED, run, restore.map(Path::getFileName).orElse(null), firstCheckpointMillis,
                    delay, CommittedFiles.sortedLines(out).size());
            restore = Optional.of(ChildJob.killedRunsFolder(jobFolder));
        }

        restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
        ChildJob last = start(PER_SECOND, out, checkpoints, restore, dir.resolve("run-last.log"));
        assertThat(last.awaitExit(180)).as("exit code of the last run; its log:%n%s", last.log()).isZero();

        assertThat(restoredFrom).as("every restart restored the killed run's checkpoint folder (seed %d)", SEED)
                .hasSize(KILLS).doesNotHaveDuplicates();
        assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out)))
                .as("committed output after %d kills (seed %d), restored from %s", KILLS, SEED, restoredFrom)
                .isEqualTo("same");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.contains(".inprogress")))
                    .as("uncommitted files left by the killed runs").isEmpty();
        }
    }

    private List<String> failureFreeOutput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        StatefulJob.build(env, N, 1_000_000_000, 2, dir.resolve("clean"), true);
        env.execute(KillableJobMain.JOB_NAME);
        List<String> lines = CommittedFiles.sortedLines(dir.resolve("clean"));
        assertThat(lines).hasSizeGreaterThan((int) N);
        return lines;
    }

    private static ChildJob start(long perSecond, Path out, Path checkpoints, Optional<Path> restore, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(out.toString(), checkpoints.toString(), Long.toString(N), Long.toString(perSecond)));
        restore.ifPresent(folder -> args.add(folder.toString()));
        return ChildJob.start(KillableJobMain.class, log, args);
    }
}
