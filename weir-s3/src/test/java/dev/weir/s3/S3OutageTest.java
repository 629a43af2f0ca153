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
 * The S3 server goes away for two seconds while a job checkpoints to it every 50 ms, then comes back on the same port
 * with the same objects: the job goes on (checkpoints that could not be written fail alone, within
 * {@code tolerable-failed-checkpoints}; requests in flight are retried with backoff), checkpoints complete on S3
 * again, and the exactly-once file sink's output equals the failure-free output.
 */
@Timeout(600)
class S3OutageTest {
    private static final String BUCKET = "outage";
    /** 15 s of input at {@link #PER_SECOND}: the job must still run when the store comes back. */
    private static final long N = 90_000;
    private static final long PER_SECOND = 6_000;

    @TempDir
    Path dir;

    @Test
    void aJobWhoseS3StoreIsAwayForSecondsGoesOnAndCommitsExactlyTheFailureFreeOutput() throws Exception {
        List<String> expected = run(null, dir.resolve("clean"), 1_000_000_000);
        try (S3ProxyServer s3 = S3ProxyServer.startOnFreePort()) {
            s3.createBucket(BUCKET);
            Path out = dir.resolve("out");
            Configuration conf = new Configuration();
            s3.settings().forEach(conf::setString);
            conf.setString("execution.checkpointing.dir", "s3://" + BUCKET + "/jobs");
            conf.setString("execution.checkpointing.tolerable-failed-checkpoints", "1000");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
            env.enableCheckpointing(50);
            StatefulJob.build(env, N, PER_SECOND, 2, out, true);
            JobClient client = env.executeAsync("outage");

            long beforeOutage = awaitCheckpointAfter(s3, -1, client);
            s3.stop();
            Thread.sleep(2_000);
            s3.start();
            long afterOutage = awaitCheckpointAfter(s3, beforeOutage, client);
            client.getJobExecutionResult().get(300, SECONDS);

            System.out.printf("S3OutageTest: newest checkpoint on S3 before the outage %d, first seen after it %d%n", beforeOutage, afterOutage);
            assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out)))
                    .as("committed output of the job whose S3 store was away for 2 s").isEqualTo("same");
        }
    }

    private List<String> run(Configuration conf, Path out, long perSecond) throws Exception {
        StreamExecutionEnvironment env = conf == null ? StreamExecutionEnvironment.createLocalEnvironment(2)
                : StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        StatefulJob.build(env, N, perSecond, 2, out, true);
        env.execute("clean");
        return CommittedFiles.sortedLines(out);
    }

    /**
     * Waits for a checkpoint newer than {@code id} to complete on S3 and returns its id. The limit is only against a
     * hang: an upload whose request the stopping server swallowed waits out the client's 60 s socket timeout and is
     * retried, so a loaded machine may need more than a minute; on a hang the failure shows the threads' stacks.
     */
    private static long awaitCheckpointAfter(S3ProxyServer s3, long id, JobClient job) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(240);
        long newest;
        while ((newest = S3CheckpointFolders.newestCompletedId(s3, BUCKET, "jobs/")) <= id) {
            if (job.getJobExecutionResult().isDone()) {
                throw new AssertionError("the job ended before a checkpoint after " + id + " completed on S3: its input "
                        + "must outlast the outage (" + N + " records at " + PER_SECOND + "/s)");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint after " + id + " completed on S3 within 240 s; threads:\n" + threadDump());
            }
            Thread.sleep(10);
        }
        return newest;
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            dump.append('"').append(entry.getKey().getName()).append("\" ").append(entry.getKey().getState()).append('\n');
            for (StackTraceElement frame : entry.getValue()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }
}
