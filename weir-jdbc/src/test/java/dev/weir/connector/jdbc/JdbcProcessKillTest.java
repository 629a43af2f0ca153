package dev.weir.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.checkpoint.ChildJob;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * Process kill with the exactly-once JDBC sink: the job runs in a child JVM ({@link KillableJdbcJobMain}) writing to
 * this JVM's PostgreSQL, is killed with SIGKILL three times at seeded random moments after a completed checkpoint
 * (prepared transactions of completed and of unfinished checkpoints, and open ones, are left behind), each time
 * restarted from the killed run's checkpoint folder, and finally left to finish. The table then holds every number
 * exactly once — its primary key would have failed the job on a second copy — and no prepared transaction remains.
 * {@code -Dweir.kill.seed=<n>} replays other moments.
 */
// Against hangs only: kill tests ran past their old limits at load 50 with two modules' tests at once.
@Timeout(360)
class JdbcProcessKillTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();
    private static final int KILLS = 3;
    private static final long SEED = Long.getLong("weir.kill.seed", 7L);

    @TempDir
    Path dir;

    @Test
    void aJobKilledThreeTimesBySigkillLeavesEveryRowExactlyOnceAndNoPreparedTransaction() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS killed", "CREATE TABLE killed (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)");
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(SEED);
        List<String> restoredFrom = new ArrayList<>();
        for (int run = 0; run < KILLS; run++) {
            Optional<Path> restore = ChildJob.newestJobFolderWithACompletedCheckpoint(checkpoints);
            restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
            ChildJob child = start(checkpoints, restore, dir.resolve("run-" + run + ".log"));
            int delay = random.nextInt(700);
            try {
                String jobId = child.awaitRunning();
                child.awaitACompletedCheckpoint(checkpoints.resolve(KillableJdbcJobMain.JOB_NAME + "-" + jobId));
                Thread.sleep(delay);
                assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, child.log()).isTrue();
            } finally {
                child.kill();
            }
            System.out.printf("JdbcProcessKillTest (seed %d): run %d restored from %s, killed %d ms after its first checkpoint; "
                    + "rows %s, prepared transactions %s%n", SEED, run, restore.map(Path::getFileName).orElse(null), delay,
                    SharedPostgres.rows(PG, "SELECT count(*) FROM killed"), SharedPostgres.rows(PG, "SELECT count(*) FROM pg_prepared_xacts"));
        }
        Optional<Path> restore = ChildJob.newestJobFolderWithACompletedCheckpoint(checkpoints);
        restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
        ChildJob last = start(checkpoints, restore, dir.resolve("run-last.log"));
        assertThat(last.awaitExit(180)).as("exit code of the last run; its log:%n%s", last.log()).isZero();

        assertThat(restoredFrom).as("every restart restored the killed run's checkpoint folder (seed %d)", SEED)
                .hasSize(KILLS).doesNotHaveDuplicates();
        long n = KillableJdbcJobMain.COUNT;
        assertThat(SharedPostgres.rows(PG, "SELECT count(*), count(DISTINCT id), min(id), max(id), sum(id), sum(k) FROM killed"))
                .as("rows after %d kills (seed %d)", KILLS, SEED)
                .containsExactly(n + "," + n + ",0," + (n - 1) + "," + n * (n - 1) / 2 + "," + sumOfKeys(n));
        assertThat(SharedPostgres.rows(PG, "SELECT gid FROM pg_prepared_xacts")).as("prepared transactions left").isEmpty();
    }

    private static long sumOfKeys(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i % 7;
        }
        return sum;
    }

    private static ChildJob start(Path checkpoints, Optional<Path> restore, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(Integer.toString(PG.getPort()), "killed", checkpoints.toString()));
        restore.ifPresent(folder -> args.add(folder.toString()));
        return ChildJob.start(KillableJdbcJobMain.class, log, args);
    }
}
