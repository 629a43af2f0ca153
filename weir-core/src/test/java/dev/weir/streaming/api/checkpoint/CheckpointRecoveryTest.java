package dev.weir.streaming.api.checkpoint;

import dev.weir.api.common.state.CheckpointListener;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.CheckpointingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from the checkpoint directory: what is skipped, what is refused, restart strategies, at-least-once. */
@Timeout(120)
class CheckpointRecoveryTest {
    private static final long N = 20_000;
    /** Numbers enough for 1,000 s at the job's rate: a job given them only ends by failing. */
    private static final long ENDLESS = 10_000_000;

    @TempDir
    Path dir;

    /** What the failing function does to the latest completed checkpoint before it throws. */
    enum Damage { NONE, FLIP_A_BYTE, TRUNCATE, ADD_AN_UNFINISHED_NEWER_ONE }

    /**
     * In the first attempt, once checkpoint 2 completed: damages the checkpoint directory as told and fails the task
     * (from the completion notification, so no newer checkpoint can complete first). Passes numbers through as text.
     */
    static final class DamageThenFail extends RichMapFunction<Long, String> implements CheckpointListener {
        private final String checkpoints;
        private final Damage damage;

        DamageThenFail(Path checkpoints, Damage damage) {
            this.checkpoints = checkpoints.toString();
            this.damage = damage;
        }

        @Override
        public String map(Long value) {
            return Long.toString(value);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws IOException {
            if (checkpointId < 2 || getRuntimeContext().getTaskInfo().getAttemptNumber() > 0
                    || getRuntimeContext().getIndexOfThisSubtask() > 0) {
                return;
            }
            Path chk = checkpointFolder(Path.of(checkpoints), checkpointId);
            switch (damage) {
                case FLIP_A_BYTE -> {
                    Path data = dataFile(chk);
                    byte[] bytes = Files.readAllBytes(data);
                    bytes[bytes.length / 2] ^= 0x10;
                    Files.write(data, bytes);
                }
                case TRUNCATE -> {
                    Path data = dataFile(chk);
                    byte[] bytes = Files.readAllBytes(data);
                    Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length - 7));
                }
                case ADD_AN_UNFINISHED_NEWER_ONE -> {
                    Path unfinished = chk.resolveSibling("chk-" + (checkpointId + 100));
                    Files.createDirectories(unfinished);
                    Files.write(unfinished.resolve("numbers-0.state"), new byte[] {1, 2, 3});
                }
                case NONE -> {
                }
            }
            throw new IllegalStateException("injected failure after checkpoint " + checkpointId);
        }
    }

    static Path checkpointFolder(Path base, long id) throws IOException {
        try (Stream<Path> all = Files.walk(base)) {
            return all.filter(p -> p.getFileName().toString().equals("chk-" + id)).findFirst().orElseThrow();
        }
    }

    static Path dataFile(Path checkpoint) throws IOException {
        try (Stream<Path> files = Files.list(checkpoint)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("_")).sorted().findFirst().orElseThrow();
        }
    }

    private StreamExecutionEnvironment environment(Path checkpoints) {
        // Every subtask's snapshot in a file of its own (none inline in _metadata), so that there is a data file to damage.
        dev.weir.configuration.Configuration files = new dev.weir.configuration.Configuration();
        files.setString("execution.checkpointing.data-inline-threshold", "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, files);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.getCheckpointConfig().setNumRetainedCheckpoints(3);
        // Kept when the job fails, so a test can restore from one explicitly (never-retained ones are deleted).
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        return env;
    }

    private void numbersJob(StreamExecutionEnvironment env, Path checkpoints, Damage damage, Path out) {
        numbersJob(env, checkpoints, damage, out, N);
    }

    private void numbersJob(StreamExecutionEnvironment env, Path checkpoints, Damage damage, Path out, long count) {
        env.fromSource(new DataGeneratorSource<>(i -> i, count, RateLimiterStrategy.perSecond(10_000)), WatermarkStrategy.noWatermarks(),
                        "numbers").uid("numbers")
                .map(new DamageThenFail(checkpoints, damage)).uid("text")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
    }

    private static List<String> allNumbers() {
        List<String> all = new ArrayList<>();
        for (long i = 0; i < N; i++) {
            all.add(Long.toString(i));
        }
        all.sort(null);
        return all;
    }

    private void refusesTheDamagedLatestCheckpoint(Damage damage, String reason) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = environment(checkpoints);
        // A source that cannot finish before checkpoint 2 completes, however slow the machine: the job must end by
        // the damage (the test's timeout guards against a hang), never by running out of numbers first.
        numbersJob(env, checkpoints, damage, dir.resolve("out"), ENDLESS);
        assertThatThrownBy(() -> env.execute("damaged"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Refusing to restore job 'damaged")
                .hasMessageContaining("chk-2")
                .hasMessageContaining(reason)
                .hasMessageContaining("does not fall back to an older checkpoint");
        Path damaged = checkpointFolder(checkpoints, 2);
        assertThatThrownBy(() -> env.execute("damaged")).hasMessageContaining("No operators");

        // Restoring it explicitly is refused as well, naming the damaged file.
        StreamExecutionEnvironment explicit = environment(dir.resolve("checkpoints-explicit"));
        explicit.setRestorePath(damaged.toString(), false);
        numbersJob(explicit, dir.resolve("checkpoints-explicit"), Damage.NONE, dir.resolve("out-explicit"));
        String file = dataFile(damaged).getFileName().toString();
        assertThatThrownBy(() -> explicit.execute("explicit"))
                .hasMessageContaining("Cannot restore from " + damaged)
                .hasMessageContaining(file)
                .hasMessageContaining(reason);
    }

    @Test
    void aFlippedByteInTheLatestCompletedCheckpointStopsTheRestartNamingTheFile() throws Exception {
        refusesTheDamagedLatestCheckpoint(Damage.FLIP_A_BYTE, "checksum");
    }

    @Test
    void aTruncatedFileInTheLatestCompletedCheckpointStopsTheRestartNamingTheFile() throws Exception {
        refusesTheDamagedLatestCheckpoint(Damage.TRUNCATE, "truncated");
    }

    @Test
    void aCheckpointFolderWithoutMetadataIsSkippedAndThePreviousCompletedOneRestored() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = environment(checkpoints);
        numbersJob(env, checkpoints, Damage.ADD_AN_UNFINISHED_NEWER_ONE, dir.resolve("out"));
        env.execute("unfinished");
        assertThat(CommittedFiles.difference(allNumbers(), CommittedFiles.sortedLines(dir.resolve("out")))).isEqualTo("same");
    }

    /** Fails in every attempt below {@code failUntilAttempt}, at the 1000th number of subtask 0. */
    static final class FailInAttempts extends RichMapFunction<Long, String> {
        private final int failUntilAttempt;

        FailInAttempts(int failUntilAttempt) {
            this.failUntilAttempt = failUntilAttempt;
        }

        @Override
        public String map(Long value) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (value == 1000 && attempt < failUntilAttempt) {
                throw new IllegalStateException("injected failure in attempt " + attempt);
            }
            return Long.toString(value);
        }
    }

    private void failingJob(StreamExecutionEnvironment env, int failUntilAttempt, Path out) {
        env.fromSource(new DataGeneratorSource<>(i -> i, N, RateLimiterStrategy.perSecond(1_000_000)), WatermarkStrategy.noWatermarks(),
                        "numbers").uid("numbers")
                .map(new FailInAttempts(failUntilAttempt)).uid("text")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
    }

    @Test
    void withNoRestartTheFirstFailureFailsTheJob() {
        StreamExecutionEnvironment env = environment(dir.resolve("checkpoints"));
        env.setRestartStrategy(RestartStrategies.noRestart());
        failingJob(env, 100, dir.resolve("out"));
        assertThatThrownBy(() -> env.execute("no-restart"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("injected failure in attempt 0");
    }

    @Test
    void fixedDelayGivesUpAfterItsAttemptsWithTheLastFailureInTheMessage() {
        StreamExecutionEnvironment env = environment(dir.resolve("checkpoints"));
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(5)));
        failingJob(env, 100, dir.resolve("out"));
        assertThatThrownBy(() -> env.execute("fixed-delay"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("injected failure in attempt 2");
    }

    @Test
    void failureRateGivesUpWhenMoreFailuresThanAllowedFallInItsInterval() {
        StreamExecutionEnvironment env = environment(dir.resolve("checkpoints"));
        env.setRestartStrategy(RestartStrategies.failureRateRestart(3, Duration.ofMinutes(1), Duration.ofMillis(5)));
        failingJob(env, 100, dir.resolve("out"));
        assertThatThrownBy(() -> env.execute("failure-rate"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("injected failure in attempt 3");
    }

    @Test
    void failureRateRestartsWhileFailuresStayWithinItsRate() throws Exception {
        StreamExecutionEnvironment env = environment(dir.resolve("checkpoints"));
        env.setRestartStrategy(RestartStrategies.failureRateRestart(3, Duration.ofMinutes(1), Duration.ofMillis(5)));
        failingJob(env, 3, dir.resolve("out"));
        env.execute("failure-rate-ok");
        assertThat(CommittedFiles.difference(allNumbers(), CommittedFiles.sortedLines(dir.resolve("out")))).isEqualTo("same");
    }

    @Test
    void atLeastOnceLosesNothingAcrossAFailure() throws Exception {
        StreamExecutionEnvironment env = environment(dir.resolve("checkpoints"));
        env.enableCheckpointing(20, CheckpointingMode.AT_LEAST_ONCE);
        env.fromSource(new DataGeneratorSource<>(i -> i, N, RateLimiterStrategy.perSecond(20_000)), WatermarkStrategy.noWatermarks(),
                        "numbers").uid("numbers")
                .rebalance()
                .map(new FailInAttempts(1)).uid("text")
                .sinkTo(FileSink.forRowFormat(dir.resolve("out"), new SimpleStringEncoder<String>()).build()).uid("files");
        env.execute("at-least-once");
        Set<String> seen = new HashSet<>(CommittedFiles.sortedLines(dir.resolve("out")));
        // Each number looked up in the set: AssertJ's containsAll scans every committed line for each of the N numbers
        // (N * N string comparisons, 30 s of the build under load).
        List<String> missing = allNumbers().stream().filter(n -> !seen.contains(n)).toList();
        assertThat(missing).as("numbers that no committed file holds").isEmpty();
    }

}
