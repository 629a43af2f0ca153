package dev.weir.s3;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.checkpoint.StatefulJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process kill with checkpoints on S3: {@link StatefulJob} with its exactly-once file sink runs in a child JVM
 * ({@link S3KillableJobMain}) whose checkpoints go to s3proxy in this JVM; it is killed with SIGKILL at seeded random
 * moments after its first checkpoint completed on S3, restarted each time with {@code -s s3://...} from the killed
 * run's job folder (nothing of it read from local disk), and finally left to finish. What the sink committed over all
 * runs equals the failure-free output exactly. {@code -Dweir.kill.seed=<n>} replays other moments.
 */
// Against hangs only: kill tests ran past their old limits at load 50 with two modules' tests at once.
@Timeout(300)
class S3ProcessKillTest {
    private static final String BUCKET = "durable";
    private static final long N = 16_000;
    private static final long PER_SECOND = 8_000;
    /** The killed runs read slower, so a loaded machine's first checkpoint still comes long before their input ends. */
    private static final long PER_SECOND_WHILE_KILLED = 1_000;
    private static final int KILLS = 2;
    private static final long SEED = Long.getLong("weir.kill.seed", 11L);

    @TempDir
    Path dir;

    @Test
    void aJobKilledBySigkillAndRestoredFromItsCheckpointsOnS3CommitsExactlyTheFailureFreeOutput() throws Exception {
        List<String> expected = failureFreeOutput();
        Path out = dir.resolve("out");
        Random random = new Random(SEED);
        List<String> restoredFrom = new ArrayList<>();
        try (S3ProxyServer s3 = S3ProxyServer.startOnFreePort()) {
            s3.createBucket(BUCKET);
            for (int run = 0; run < KILLS; run++) {
                Optional<String> restore = S3CheckpointFolders.newestJobFolder(s3, BUCKET, "jobs/").map(key -> "s3://" + BUCKET + "/" + key);
                restore.ifPresent(restoredFrom::add);
                ChildJob child = start(PER_SECOND_WHILE_KILLED, s3, out, restore, dir.resolve("run-" + run + ".log"));
                int delay;
                try {
                    String jobId = child.awaitRunning();
                    awaitACompletedCheckpoint(s3, child, "jobs/" + S3KillableJobMain.JOB_NAME + "-" + jobId + "/");
                    delay = random.nextInt(700);
                    Thread.sleep(delay);
                    assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, child.log())
                            .isTrue();
                } finally {
                    child.kill();
                }
                System.out.printf("S3ProcessKillTest (seed %d): run %d restored from %s, killed %d ms after its first checkpoint on S3; "
                        + "%d lines committed so far%n", SEED, run, restore.orElse(null), delay, CommittedFiles.sortedLines(out).size());
            }
            Optional<String> restore = S3CheckpointFolders.newestJobFolder(s3, BUCKET, "jobs/").map(key -> "s3://" + BUCKET + "/" + key);
            restore.ifPresent(restoredFrom::add);
            ChildJob last = start(PER_SECOND, s3, out, restore, dir.resolve("run-last.log"));
            assertThat(last.awaitExit(180)).as("exit code of the last run; its log:%n%s", last.log()).isZero();
        }
        assertThat(restoredFrom).as("every restart restored the killed run's job folder on S3 (seed %d)", SEED)
                .hasSize(KILLS).doesNotHaveDuplicates();
        assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out)))
                .as("committed output after %d kills (seed %d), restored from %s", KILLS, SEED, restoredFrom)
                .isEqualTo("same");
    }

    private List<String> failureFreeOutput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        StatefulJob.build(env, N, 1_000_000_000, 2, dir.resolve("clean"), true);
        env.execute(S3KillableJobMain.JOB_NAME);
        List<String> lines = CommittedFiles.sortedLines(dir.resolve("clean"));
        assertThat(lines).hasSizeGreaterThan((int) N);
        return lines;
    }

    private static void awaitACompletedCheckpoint(S3ProxyServer s3, ChildJob child, String jobFolder) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(60);
        while (S3CheckpointFolders.newestCompletedId(s3, BUCKET, jobFolder) < 0) {
            assertThat(child.isAlive()).as("the child JVM ended before a checkpoint completed on S3; its log:%n%s", child.log()).isTrue();
            assertThat(System.nanoTime()).as("a checkpoint of the child completed on S3 within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static ChildJob start(long perSecond, S3ProxyServer s3, Path out, Optional<String> restore, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(out.toString(), "s3://" + BUCKET + "/jobs", s3.endpoint(), Long.toString(N),
                Long.toString(perSecond)));
        restore.ifPresent(args::add);
        return ChildJob.start(S3KillableJobMain.class, log, args);
    }
}
