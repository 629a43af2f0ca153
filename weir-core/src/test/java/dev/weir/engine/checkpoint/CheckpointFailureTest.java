package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.JobClient;
import dev.weir.engine.status.CheckpointHistory;
import dev.weir.engine.status.CheckpointRecord;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint that fails at any stage, even before it starts, is recorded as FAILED with its reason, counts against
 * the tolerable failures, and never ends the schedule: the next checkpoint is attempted at its time.
 */
@Timeout(60)
class CheckpointFailureTest {
    @TempDir
    Path dir;

    @Test
    void checkpointsWhoseFolderCannotBeCreatedAreFailedAndFailTheJobPastTheTolerableNumber() throws Exception {
        Path storage = dir.resolve("checkpoints");
        Files.writeString(storage, "a file where the checkpoint folder should go");
        StreamExecutionEnvironment env = unboundedJob(storage);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(2);
        JobClient client = env.executeAsync("blocked-storage");
        JobView job = JobRegistry.global().job(client.getJobID().toString());

        assertThatThrownBy(() -> client.getJobExecutionResult().get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Exceeded checkpoint tolerable failure threshold (2)")
                .hasMessageContaining("Checkpoint 3 of job 'blocked-storage' could not start");
        List<CheckpointRecord> records = job.checkpoints();
        assertThat(records).extracting(CheckpointRecord::id).containsExactly(1L, 2L, 3L);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("FAILED");
            assertThat(r.failure()).contains("could not start").contains(storage.toString());
        });
        assertThat(job.checkpointCounts()).isEqualTo(new CheckpointHistory.Counts(0, 3, 0, -1, -1, -1));
    }

    @Test
    void afterACheckpointFailedToStartTheNextOneIsAttemptedOnScheduleAndCompletes() throws Exception {
        Path storage = dir.resolve("checkpoints");
        Files.writeString(storage, "in the way until the first checkpoint failed");
        StreamExecutionEnvironment env = unboundedJob(storage);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(1000);
        JobClient client = env.executeAsync("transient-storage-failure");
        JobView job = JobRegistry.global().job(client.getJobID().toString());
        try {
            awaitRecord(job, r -> r.status().equals("FAILED"));
            Files.delete(storage);
            CheckpointRecord completed = awaitRecord(job, r -> r.status().equals("COMPLETED"));

            CheckpointRecord first = job.checkpoints().get(0);
            assertThat(first.id()).isEqualTo(1);
            assertThat(first.status()).isEqualTo("FAILED");
            assertThat(first.failure()).startsWith("Checkpoint 1 of job 'transient-storage-failure' could not start");
            assertThat(completed.id()).isGreaterThan(1);
            assertThat(completed.path()).startsWith(storage.toString());
            assertThat(job.checkpointCounts().completed()).isGreaterThanOrEqualTo(1);
            assertThat(job.checkpointCounts().failed()).isGreaterThanOrEqualTo(1);
        } finally {
            client.cancel().get();
        }
    }

    private static StreamExecutionEnvironment unboundedJob(Path storage) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(storage.toString());
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1000)),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .sinkTo(new DiscardingSink<>());
        return env;
    }

    /** Waits (the test's timeout guards against a hang) until the history holds a checkpoint {@code matching}. */
    private static CheckpointRecord awaitRecord(JobView job, Predicate<CheckpointRecord> matching) throws InterruptedException {
        while (true) {
            for (CheckpointRecord r : job.checkpoints()) {
                if (matching.test(r)) {
                    return r;
                }
            }
            Thread.sleep(10);
        }
    }
}
