package dev.weir.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.kafka.embedded.EmbeddedKafka;
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
 * Process kill through a real broker: the broker runs in this JVM, the moving-average job with its exactly-once Kafka
 * sink in a child JVM ({@link KillableMovingAverageMain}), which is killed with SIGKILL at seeded random moments after
 * the run's first completed checkpoint, each time restarted from the killed run's checkpoint folder, and finally left
 * to finish. The last kill lands after the input ended, inside a transaction writing the final averages: the sink's
 * transaction timeout is ten minutes, so only the restart can abort it (the restored final checkpoint's committables
 * are written again under their own ids, and each writer aborts the open transactions its subtask owns). What a
 * read_committed consumer sees, within 20 seconds of the end, equals the failure-free output exactly.
 * {@code -Dweir.kill.seed=<n>} replays other moments.
 */
// Against hangs only: its S3 twin's failure-free run alone took 191 s at load 43.
@Timeout(600)
class MovingAverageProcessKillTest {
    private static final int SENSORS = 10;
    private static final int PER_SENSOR = 2_000;
    private static final int KILLS = 3;
    private static final long SEED = Long.getLong("weir.kill.seed", 7L);

    @TempDir
    Path dir;

    @Test
    void theCommittedAveragesOfAJobKilledThreeTimesBySigkillEqualTheFailureFreeOnesExactly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "readings", 4);
            MovingAverage.createTopic(bootstrap, "clean", 2);
            MovingAverage.createTopic(bootstrap, "killed", 2);
            MovingAverage.generate(bootstrap, "readings", SENSORS, PER_SENSOR);
            List<String> expected = failureFreeOutput(bootstrap);

            Path checkpoints = dir.resolve("checkpoints");
            Random random = new Random(SEED);
            List<String> restoredFrom = new ArrayList<>();
            Optional<Path> restore = Optional.empty();
            for (int run = 0; run < KILLS; run++) {
                restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
                ChildJob child = start(bootstrap, checkpoints, restore, true, dir.resolve("run-" + run + ".log"));
                int delay;
                Path jobFolder;
                try {
                    String jobId = child.awaitRunning();
                    jobFolder = checkpoints.resolve(KillableMovingAverageMain.JOB_NAME + "-" + jobId);
                    child.awaitACompletedCheckpoint(jobFolder);
                    if (run == KILLS - 1) {
                        // The final averages are committed when the job ends: the last kill lands among those transactions.
                        child.awaitLog("both sink subtasks' input ended", text -> text.contains("INPUT ENDED 0") && text.contains("INPUT ENDED 1"));
                        TransactionalTopic.awaitAnOpenTransaction(bootstrap, "killed", child);
                        delay = random.nextInt(100);
                    } else {
                        // Anywhere in the following checkpoint cycles: while taking one, or between.
                        delay = random.nextInt(700);
                    }
                    Thread.sleep(delay);
                    assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, child.log())
                            .isTrue();
                } finally {
                    child.kill();
                }
                System.out.printf("MovingAverageProcessKillTest (seed %d): run %d restored from %s, killed %d ms after %s; output topic's"
                        + " last stable offsets %s, ends %s%n", SEED, run, restore.map(Path::getFileName).orElse(null), delay,
                        run == KILLS - 1 ? "its input ended and a transaction was open" : "its first checkpoint",
                        TransactionalTopic.endOffsets(bootstrap, "killed", "read_committed"), TransactionalTopic.endOffsets(bootstrap, "killed", "read_uncommitted"));
                restore = Optional.of(ChildJob.killedRunsFolder(jobFolder));
            }

            restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
            ChildJob last = start(bootstrap, checkpoints, restore, false, dir.resolve("run-last.log"));
            assertThat(last.awaitExit(180)).as("exit code of the last run; its log:%n%s", last.log()).isZero();

            assertThat(restoredFrom).as("every restart restored the killed run's checkpoint folder (seed %d)", SEED)
                    .hasSize(KILLS).doesNotHaveDuplicates();
            List<String> actual = TransactionalTopic.readAllCommitted(bootstrap, "killed");
            assertThat(actual).as("committed averages after %d kills (seed %d), restored from %s", KILLS, SEED, restoredFrom)
                    .isEqualTo(expected);
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

    /** {@code killed}: a run the test kills, whose job is held open after its final commit (see {@link KillableMovingAverageMain}). */
    private static ChildJob start(String bootstrap, Path checkpoints, Optional<Path> restore, boolean killed, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(bootstrap, "killed", "eos-killed", checkpoints.toString()));
        restore.ifPresent(folder -> args.addAll(List.of("-s", folder.toString())));
        if (killed) {
            args.add(KillableMovingAverageMain.HOLD_AT_END);
        }
        return ChildJob.start(KillableMovingAverageMain.class, log, args);
    }
}
