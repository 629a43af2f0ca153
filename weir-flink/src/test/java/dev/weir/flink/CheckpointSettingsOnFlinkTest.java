package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's checkpoint settings (interval, retention, storage directory) reach Flink: Flink checkpoints the
 * translated job into the Weir-configured directory and, with RETAIN_ON_CANCELLATION, keeps the checkpoint when the
 * job is cancelled through Weir's JobClient.
 */
@Timeout(120)
class CheckpointSettingsOnFlinkTest {

    @Test
    void flinkCheckpointsIntoTheWeirDirectoryAndRetainsTheCheckpointWhenTheJobIsCancelled(@TempDir Path directory) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(directory.toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.fromSource(new DataGeneratorSource<>(n -> Tuple2.of("k" + (n % 3), n), 1_000_000, RateLimiterStrategy.perSecond(50)),
                        WatermarkStrategy.noWatermarks(), "generated")
                .setParallelism(1) // one reader: the first elements are 0, 1, 2
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(new SharedSink<>("checkpointed"));

        JobClient job = env.executeAsync("checkpointed");
        while (retainedCheckpoints(directory).isEmpty() || SharedSink.sorted("checkpointed").size() < 3) {
            Thread.sleep(50); // the class timeout guards against a hang
        }
        job.cancel().get(30, TimeUnit.SECONDS);
        while (job.getJobStatus().get() != JobStatus.CANCELED) {
            Thread.sleep(50);
        }

        assertThat(retainedCheckpoints(directory)).isNotEmpty()
                .allSatisfy(chk -> assertThat(chk.resolve("_metadata")).exists());
        assertThat(SharedSink.sorted("checkpointed")).contains("(k0,0)", "(k1,1)", "(k2,2)");
    }

    private static List<Path> retainedCheckpoints(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata"))).toList();
        }
    }
}
