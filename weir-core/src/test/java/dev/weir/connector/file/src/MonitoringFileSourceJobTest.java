package dev.weir.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import dev.weir.core.execution.JobClient;
import dev.weir.core.fs.Path;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A job reading a monitored directory: new files are picked up while it runs, and a restore reads no line twice. */
class MonitoringFileSourceJobTest {
    @TempDir
    java.nio.file.Path dir;

    /** Fails the first attempt on the first line of file c, which appears only after a and b were committed. */
    static final class FailOnFileC extends RichMapFunction<String, String> {
        @Override
        public String map(String line) {
            if (line.equals("c-0") && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                throw new IllegalStateException("injected failure on " + line);
            }
            return line;
        }
    }

    private static String lines(String prefix, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(prefix).append('-').append(i).append('\n');
        }
        return text.toString();
    }

    private static void expect(List<String> expected, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            expected.add(prefix + "-" + i);
        }
    }

    /** Writes a file elsewhere and moves it in, so the source never sees it half written. */
    private void drop(java.nio.file.Path in, String name, String content) throws IOException {
        java.nio.file.Path staged = Files.writeString(dir.resolve(name + ".staged"), content);
        Files.move(staged, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitCommitted(java.nio.file.Path out, int lines) throws Exception {
        while (CommittedFiles.sortedLines(out).size() < lines) {
            Thread.sleep(20);
        }
    }

    @Test
    @Timeout(120)
    void newFilesAreReadWhileTheJobRunsAndARestoreAfterAFailureReadsEachLineExactlyOnce() throws Exception {
        java.nio.file.Path in = Files.createDirectory(dir.resolve("in"));
        java.nio.file.Path out = dir.resolve("out");
        drop(in, "a.txt", lines("a", 1000));
        drop(in, "b.txt", lines("b", 1000));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(10)));
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(in.toString()))
                .monitorContinuously(Duration.ofMillis(20)).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "files").uid("files")
                .map(new FailOnFileC()).uid("fail")
                .sinkTo(FileSink.forRowFormat(new Path(out.toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build()).build()).uid("out");
        JobClient client = env.executeAsync("monitoring");
        try {
            awaitCommitted(out, 2000);
            drop(in, "c.txt", lines("c", 500));
            drop(in, ".d.txt", lines("hidden", 10));
            awaitCommitted(out, 2500);
            // One more discovery round and checkpoint: nothing else may appear.
            Thread.sleep(300);
        } finally {
            client.cancel().get();
        }

        List<String> expected = new ArrayList<>();
        expect(expected, "a", 1000);
        expect(expected, "b", 1000);
        expect(expected, "c", 500);
        expected.sort(null);
        assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out))).isEqualTo("same");
    }

    @Test
    @Timeout(120)
    void aRunningJobsDefaultRollingPolicyClosesAnInactivePartAtItsBucketCheckAndTheNextCheckpointPublishesIt() throws Exception {
        java.nio.file.Path in = Files.createDirectory(dir.resolve("in"));
        java.nio.file.Path out = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(in.toString()))
                .monitorContinuously(Duration.ofMillis(20)).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "files")
                .sinkTo(FileSink.forRowFormat(new Path(out.toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withBucketCheckInterval(20)
                        .withRollingPolicy(DefaultRollingPolicy.builder().withInactivityInterval(Duration.ofMillis(100))
                                .withRolloverInterval(Duration.ofHours(1)).build()).build());
        JobClient client = env.executeAsync("rolling");
        try {
            drop(in, "a.txt", lines("a", 100));
            // A 700-byte part rolls on no checkpoint (128 MB); only the inactivity check can close it.
            awaitCommitted(out, 100);
            drop(in, "b.txt", lines("b", 100));
            awaitCommitted(out, 200);
        } finally {
            client.cancel().get();
        }
        List<String> expected = new ArrayList<>();
        expect(expected, "a", 100);
        expect(expected, "b", 100);
        expected.sort(null);
        assertThat(CommittedFiles.sortedLines(out)).isEqualTo(expected);
    }
}
