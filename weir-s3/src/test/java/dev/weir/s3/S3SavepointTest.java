package dev.weir.s3;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.configuration.Configuration;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.checkpoint.StatefulJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop-with-savepoint onto {@code s3://} from a running job's client, and a new run restored from the savepoint's S3
 * location: together they commit exactly the failure-free output.
 */
@Timeout(120)
class S3SavepointTest {
    private static final String BUCKET = "savepoints";
    private static final long N = 20_000;

    @TempDir
    Path dir;

    @Test
    void aJobStoppedWithASavepointOnS3AndRestoredFromItCommitsExactlyTheFailureFreeOutput() throws Exception {
        StreamExecutionEnvironment clean = StreamExecutionEnvironment.createLocalEnvironment(2);
        clean.enableCheckpointing(100);
        clean.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        StatefulJob.build(clean, N, 1_000_000_000, 2, dir.resolve("clean"), true);
        clean.execute("clean");
        List<String> expected = CommittedFiles.sortedLines(dir.resolve("clean"));

        try (S3ProxyServer s3 = S3ProxyServer.startOnFreePort()) {
            s3.createBucket(BUCKET);
            Path out = dir.resolve("out");
            JobClient first = env(s3, null, out).executeAsync("stopped");
            Thread.sleep(500);
            String savepoint = first.stopWithSavepoint(false, "s3://" + BUCKET + "/target").get(60, SECONDS);
            first.getJobExecutionResult().get(60, SECONDS);

            assertThat(savepoint).startsWith("s3://savepoints/target/savepoint-stopped-");
            String key = savepoint.substring(("s3://" + BUCKET + "/").length());
            assertThat(s3.keys(BUCKET, key + "/")).contains(key + "/_metadata");
            env(s3, savepoint, out).execute("restored");
            System.out.printf("S3SavepointTest: stopped with savepoint %s%n", savepoint);
            assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out))).isEqualTo("same");
        }
    }

    private static StreamExecutionEnvironment env(S3ProxyServer s3, String restore, Path out) {
        Configuration conf = new Configuration();
        s3.settings().forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage("s3://" + BUCKET + "/checkpoints");
        if (restore != null) {
            env.setRestorePath(restore, false);
        }
        StatefulJob.build(env, N, 10_000, 2, out, true);
        return env;
    }
}
