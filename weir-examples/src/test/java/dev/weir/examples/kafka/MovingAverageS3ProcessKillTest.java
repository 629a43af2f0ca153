package dev.weir.examples.kafka;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.s3.S3CheckpointFolders;
import dev.weir.s3.S3ProxyServer;
import dev.weir.streaming.api.checkpoint.ChildJob;
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
 * The moving-average kill test with its checkpoints on S3: the broker and s3proxy run in this JVM, the moving-average
 * job with its exactly-once Kafka sink in a child JVM ({@link KillableMovingAverageMain}) checkpointing to
 * {@code s3://durable/jobs} with the {@code s3.*} settings on its command line. It is killed with SIGKILL twice, each
 * time after its run's first checkpoint completed on S3: once at a seeded random moment while it reads, once after its
 * input ended inside a transaction writing the final averages. Each restart restores with {@code -s s3://...} from the
 * job folder on S3 holding the newest completed checkpoint (no checkpoint on local disk at all); the last run finishes.
 * What a read_committed consumer sees equals the failure-free output exactly. {@code -Dweir.kill.seed=<n>} replays
 * other moments.
 */
// Against hangs only: on a 2-core machine shared by many builds (load 38) one pass took 127 s, on a quiet one ~20 s; at
// load 43 the failure-free run alone took 191 s and the whole pass went past 300 s.
@Timeout(600)
class MovingAverageS3ProcessKillTest {
    private static final String BUCKET = "durable";
    private static final String JOBS = "s3://" + BUCKET + "/jobs";
    private static final int SENSORS = 10;
    private static final int PER_SENSOR = 2_000;
    private static final int KILLS = 2;
    private static final long SEED = Long.getLong("weir.kill.seed", 5L);

    @TempDir
    Path dir;

    @Test
    void theCommittedAveragesOfAJobKilledTwiceAndRestoredFromItsCheckpointsOnS3EqualTheFailureFreeOnesExactly() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); S3ProxyServer s3 = S3ProxyServer.startOnFreePort()) {
            s3.createBucket(BUCKET);
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "readings", 4);
            MovingAverage.createTopic(bootstrap, "clean", 2);
            MovingAverage.createTopic(bootstrap, "killed", 2);
            MovingAverage.generate(bootstrap, "readings", SENSORS, PER_SENSOR);
            List<String> expected = failureFreeOutput(bootstrap);
            System.out.printf("MovingAverageS3ProcessKillTest: broker, s3proxy and the failure-free run (%d averages) took %d s%n",
                    expected.size(), SECONDS.convert(System.nanoTime() - started, NANOSECONDS));

            Random random = new Random(SEED);
            List<String> restoredFrom = new ArrayList<>();
            Optional<String> restore = Optional.empty();
            for (int run = 0; run < KILLS; run++) {
                restore.ifPresent(restoredFrom::add);
                ChildJob child = start(bootstrap, s3, restore, true, dir.resolve("run-" + run + ".log"));
                int delay;
                String jobFolder;
                try {
                    String jobId = child.awaitRunning();
                    jobFolder = "jobs/" + KillableMovingAverageMain.JOB_NAME + "-" + jobId + "/";
                    awaitACompletedCheckpoint(s3, child, jobFolder);
                    if (run == KILLS - 1) {
                        // The final averages are committed when the job ends: the last kill lands among those transactions.
                        child.awaitLog("both sink subtasks' input ended", text -> text.contains("INPUT ENDED 0") && text.contains("INPUT ENDED 1"));
                        TransactionalTopic.awaitAnOpenTransaction(bootstrap, "killed", child);
                        delay = random.nextInt(100);
                    } else {
                        // Anywhere in the following checkpoint cycles: while one is being written to S3, or between.
                        delay = random.nextInt(700);
                    }
                    Thread.sleep(delay);
                    assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, child.log())
                            .isTrue();
                } finally {
                    child.kill();
                }
                System.out.printf("MovingAverageS3ProcessKillTest (seed %d, at %d s): run %d restored from %s, killed %d ms after %s;"
                        + " output topic's last stable offsets %s, ends %s%n", SEED, SECONDS.convert(System.nanoTime() - started, NANOSECONDS),
                        run, restore.orElse(null), delay,
                        run == KILLS - 1 ? "its input ended and a transaction was open" : "its first checkpoint on S3",
                        TransactionalTopic.endOffsets(bootstrap, "killed", "read_committed"),
                        TransactionalTopic.endOffsets(bootstrap, "killed", "read_uncommitted"));
                restore = Optional.of(killedRunsFolder(s3, jobFolder));
            }

            restore.ifPresent(restoredFrom::add);
            ChildJob last = start(bootstrap, s3, restore, false, dir.resolve("run-last.log"));
            assertThat(last.awaitExit(180)).as("exit code of the last run; its log:%n%s", last.log()).isZero();

            assertThat(restoredFrom).as("every restart restored the killed run's job folder on S3 (seed %d)", SEED)
                    .hasSize(KILLS).doesNotHaveDuplicates().allMatch(location -> location.startsWith(JOBS + "/"));
            List<String> actual = TransactionalTopic.readAllCommitted(bootstrap, "killed");
            assertThat(actual).as("committed averages after %d kills (seed %d), restored from %s", KILLS, SEED, restoredFrom)
                    .isEqualTo(expected);
            System.out.printf("MovingAverageS3ProcessKillTest (seed %d): %d committed averages equal the failure-free ones after %d s%n",
                    SEED, actual.size(), SECONDS.convert(System.nanoTime() - started, NANOSECONDS));
        }
    }

    private List<String> failureFreeOutput(String bootstrap) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        KillableMovingAverageMain.build(env, bootstrap, "clean", "eos-clean");
        env.execute("moving-average-clean");
        List<String> lines = TransactionalTopic.readAllCommitted(bootstrap, "clean");
        // 2,000 readings 10 s apart span 20,000 s: windows end every minute from the first reading to 10 min after the last.
        assertThat(lines).hasSize(SENSORS * (333 + 10));
        return lines;
    }

    /**
     * The killed run's own job folder on S3 as an {@code s3://} location, to restore the next run from; fails naming it
     * when it holds no completed checkpoint (never another run's folder, see {@link ChildJob#killedRunsFolder}).
     */
    private static String killedRunsFolder(S3ProxyServer s3, String jobFolder) {
        String location = "s3://" + BUCKET + "/" + jobFolder.substring(0, jobFolder.length() - 1);
        assertThat(S3CheckpointFolders.newestCompletedId(s3, BUCKET, jobFolder)).as("the killed run's checkpoint folder %s holds a"
                + " completed checkpoint (it holds none: the job ended and deleted its checkpoints before the kill)", location)
                .isGreaterThanOrEqualTo(0);
        return location;
    }

    /** Waits until the child's own job folder on S3 holds a completed checkpoint, so a kill always loses progress. */
    private static void awaitACompletedCheckpoint(S3ProxyServer s3, ChildJob child, String jobFolder) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(120);
        while (S3CheckpointFolders.newestCompletedId(s3, BUCKET, jobFolder) < 0) {
            assertThat(child.isAlive()).as("the child JVM ended before a checkpoint completed on S3; its log:%n%s", child.log()).isTrue();
            assertThat(System.nanoTime()).as("a checkpoint of the child completed on S3 within 120 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** {@code killed}: a run the test kills, whose job is held open after its final commit (see {@link KillableMovingAverageMain}). */
    private static ChildJob start(String bootstrap, S3ProxyServer s3, Optional<String> restore, boolean killed, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(bootstrap, "killed", "eos-killed", JOBS));
        restore.ifPresent(folder -> args.addAll(List.of("-s", folder)));
        if (killed) {
            args.add(KillableMovingAverageMain.HOLD_AT_END);
        }
        s3.settings().forEach((key, value) -> args.add("-D" + key + "=" + value));
        return ChildJob.start(KillableMovingAverageMain.class, log, args);
    }
}
