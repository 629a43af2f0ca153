package dev.weir.streaming.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.core.execution.JobClient;
import dev.weir.core.execution.SavepointFormatType;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints: a keyed job with state, timers and a window is stopped with a savepoint at parallelism 2 and continued
 * from it at parallelism 1, 2 and 4; the committed output of both runs together equals an uninterrupted run's.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavepointTest {
    private static final long N = 40_000;

    @TempDir
    static Path dir;

    private List<String> uninterrupted;
    private String savepoint;
    private String savepointWithoutUids;

    @BeforeAll
    void runUninterruptedAndStopTwoRunsWithSavepoints() throws Exception {
        StreamExecutionEnvironment env = environment("clean");
        StatefulJob.build(env, N, 1_000_000_000, 2, dir.resolve("clean"), true);
        env.execute("stateful");
        uninterrupted = CommittedFiles.sortedLines(dir.resolve("clean"));
        assertThat(uninterrupted).hasSizeGreaterThan((int) N);

        savepoint = stopPartWay("first", true);
        savepointWithoutUids = stopPartWay("first-no-uids", false);
    }

    private String stopPartWay(String name, boolean uids) throws Exception {
        StreamExecutionEnvironment env = environment(name);
        // Slow enough that a loaded machine's savepoint completes long before the input ends (10 s in all).
        StatefulJob.build(env, N, 4_000, 2, dir.resolve(name), uids);
        long start = StatefulJob.READ.get();
        JobClient client = env.executeAsync("stateful");
        while (StatefulJob.READ.get() - start < N / 3) {
            Thread.sleep(5);
        }
        // the second run asks for Flink's NATIVE format through the 1.15+ three-argument form: Weir has one format,
        // so its savepoint must restore just the same
        String path = uids
                ? client.stopWithSavepoint(false, dir.resolve("savepoints").toString()).get()
                : client.stopWithSavepoint(false, dir.resolve("savepoints").toString(), SavepointFormatType.NATIVE).get();
        assertThat(StatefulJob.READ.get() - start).as("stopped part-way").isLessThan(N);
        return path;
    }

    private StreamExecutionEnvironment environment(String name) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + name).toString());
        return env;
    }

    private List<String> continueFrom(String savepointPath, String firstRun, String name, int parallelism, boolean uids) throws Exception {
        Path out = dir.resolve(name);
        CommittedFiles.copyTree(dir.resolve(firstRun), out);
        StreamExecutionEnvironment env = environment(name);
        env.setRestorePath(savepointPath, false);
        StatefulJob.build(env, N, 1_000_000_000, parallelism, out, uids);
        env.execute("stateful");
        return CommittedFiles.sortedLines(out);
    }

    @Test
    void stopWithSavepointThenRestoreAtTheSameParallelismContinuesExactly() throws Exception {
        assertThat(CommittedFiles.difference(uninterrupted, continueFrom(savepoint, "first", "same", 2, true))).isEqualTo("same");
    }

    @Test
    void aSavepointTakenAtParallelismTwoRestoresAtParallelismOne() throws Exception {
        assertThat(CommittedFiles.difference(uninterrupted, continueFrom(savepoint, "first", "one", 1, true))).isEqualTo("same");
    }

    @Test
    void aSavepointTakenAtParallelismTwoRestoresAtParallelismFour() throws Exception {
        assertThat(CommittedFiles.difference(uninterrupted, continueFrom(savepoint, "first", "four", 4, true))).isEqualTo("same");
    }

    @Test
    void operatorsWithoutUidRestoreTheirStateByAutoIdWhenTheProgramIsUnchanged() throws Exception {
        assertThat(CommittedFiles.difference(uninterrupted, continueFrom(savepointWithoutUids, "first-no-uids", "no-uids", 2, false))).isEqualTo("same");
    }

    private void smallerProgram(StreamExecutionEnvironment env) {
        env.fromSource(new dev.weir.connector.datagen.source.DataGeneratorSource<>(i -> i, N, dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy.perSecond(1_000_000_000)),
                        dev.weir.api.common.eventtime.WatermarkStrategy.noWatermarks(), "numbers").setParallelism(2).uid("numbers")
                .sinkTo(new DiscardingSink<>()).uid("discard");
    }

    @Test
    void stateThatNoOperatorClaimsIsRefusedWithTheOperatorsNamedUnlessAllowed() throws Exception {
        StreamExecutionEnvironment refused = environment("refused");
        refused.setRestorePath(savepoint, false);
        smallerProgram(refused);
        assertThatThrownBy(() -> refused.execute("smaller"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Cannot map the state of [counting, counts, files, sliding, sliding-text, window, window-text]")
                .hasMessageContaining(savepoint)
                .hasMessageContaining("allowNonRestoredState");

        StreamExecutionEnvironment allowed = environment("allowed");
        allowed.setRestorePath(savepoint, true);
        smallerProgram(allowed);
        assertThat(allowed.execute("smaller").getJobID()).isNotNull();
    }
}
