package dev.weir.s3;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.configuration.Configuration;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.core.execution.JobClient;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.CompletedCheckpoint;
import dev.weir.engine.checkpoint.storage.OperatorStateMeta;
import dev.weir.engine.checkpoint.storage.StateFile;
import dev.weir.engine.checkpoint.storage.SubtaskStateMeta;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.checkpoint.StatefulJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on the RocksDB backend with incremental checkpoints on S3 (s3proxy in this JVM): its checkpoints list SST files
 * under the job's {@code shared/} prefix, consecutive retained checkpoints share some, and a job restored from the S3
 * job folder (downloading the shared files) commits exactly the failure-free output.
 */
@Timeout(180)
class S3IncrementalRocksDBCheckpointTest {
    private static final String BUCKET = "rocks";
    private static final long N = 12_000;
    private static final int RETAINED = 2;
    private static final Pattern COMPLETED = Pattern.compile("^(jobs/[^/]+)/chk-(\\d+)/_metadata$");

    @TempDir
    Path dir;

    @Test
    void incrementalRocksDBCheckpointsOnS3ShareSstObjectsAndAJobRestoredFromThemCommitsTheFailureFreeOutput() throws Exception {
        List<String> expected = failureFreeOutput();
        Path out = dir.resolve("out");
        try (S3ProxyServer s3 = S3ProxyServer.startOnFreePort()) {
            s3.createBucket(BUCKET);
            // Slow enough that a loaded machine completes several checkpoints (each a RocksDB checkpoint uploaded) before the end.
            JobClient first = start(s3, out, 300, null);
            String jobFolder = null;
            try {
                long deadline = System.nanoTime() + SECONDS.toNanos(120);
                while (jobFolder == null) {
                    assertThat(System.nanoTime()).as("%d checkpoints completed on S3 within 120 s", RETAINED + 1).isLessThan(deadline);
                    if (first.getJobExecutionResult().isDone()) {
                        first.getJobExecutionResult().get(); // throws the job's failure
                        throw new AssertionError("the first run ended before " + (RETAINED + 1) + " checkpoints completed on S3");
                    }
                    for (String key : s3.keys(BUCKET, "jobs/")) {
                        Matcher m = COMPLETED.matcher(key);
                        if (m.matches() && Long.parseLong(m.group(2)) >= RETAINED + 1) {
                            jobFolder = m.group(1);
                        }
                    }
                    Thread.sleep(20);
                }
            } finally {
                first.cancel().get(60, SECONDS);
            }

            CheckpointStorage inspector = CheckpointStorage.open(dir.resolve("inspect").toString(), "inspect", s3.settings());
            List<Set<String>> listedByRetained = new ArrayList<>();
            for (String key : s3.keys(BUCKET, jobFolder + "/")) {
                if (key.endsWith("/_metadata")) {
                    listedByRetained.add(sharedFiles(inspector.load("s3://" + BUCKET + "/" + key)));
                }
            }
            Set<String> sharedObjects = new HashSet<>();
            s3.keys(BUCKET, jobFolder + "/shared/").forEach(key -> sharedObjects.add(key.substring(key.lastIndexOf('/') + 1)));
            assertThat(listedByRetained).as("retained checkpoints in %s", jobFolder).hasSizeBetween(RETAINED, RETAINED + 1);
            for (Set<String> listed : listedByRetained) {
                assertThat(listed).as("SST files a checkpoint lists, all stored under shared/").isNotEmpty().isSubsetOf(sharedObjects);
            }
            assertThat(sharedByTwo(listedByRetained)).as("SST objects two retained checkpoints both list (uploaded once)").isNotEmpty();

            JobClient second = start(s3, out, 1_000_000_000, "s3://" + BUCKET + "/" + jobFolder);
            second.getJobExecutionResult().get(120, SECONDS);
        }
        assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out))).isEqualTo("same");
    }

    private static Set<String> sharedFiles(CompletedCheckpoint checkpoint) {
        Set<String> names = new HashSet<>();
        for (OperatorStateMeta operator : checkpoint.metadata().operators()) {
            for (SubtaskStateMeta subtask : operator.subtasks()) {
                for (StateFile file : subtask.stateFiles()) {
                    if (file.shared()) {
                        names.add(file.storedName());
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> sharedByTwo(List<Set<String>> listed) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (Set<String> names : listed) {
            for (String name : names) {
                if (!seen.add(name)) {
                    twice.add(name);
                }
            }
        }
        return twice;
    }

    private JobClient start(S3ProxyServer s3, Path out, long perSecond, String restore) throws Exception {
        Configuration conf = new Configuration();
        s3.settings().forEach(conf::setString);
        conf.setString("execution.checkpointing.dir", "s3://" + BUCKET + "/jobs");
        conf.setString("execution.checkpointing.num-retained", Integer.toString(RETAINED));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.setStateBackend(new EmbeddedRocksDBStateBackend(true));
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restore != null) {
            env.setRestorePath(restore, false);
        }
        StatefulJob.build(env, N, perSecond, 2, out, true);
        return env.executeAsync("rocks-on-s3");
    }

    private List<String> failureFreeOutput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        StatefulJob.build(env, N, 1_000_000_000, 2, dir.resolve("clean"), true);
        env.execute("rocks-on-s3");
        return CommittedFiles.sortedLines(dir.resolve("clean"));
    }
}
