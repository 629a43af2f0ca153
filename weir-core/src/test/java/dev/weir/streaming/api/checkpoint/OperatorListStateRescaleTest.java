package dev.weir.streaming.api.checkpoint;

import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link CheckpointedFunction}'s list state across a rescale: a savepoint taken at parallelism 2, where subtask 0
 * holds three elements of even-split list state and subtask 1 two, is restored at parallelism 1, 2 and 3. Even-split
 * state is pooled in subtask order and cut into contiguous shares; union state gives every new subtask everything.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorListStateRescaleTest {
    private static final long N = 4_000;
    /** What each restored subtask found in its state, by "run/subtask". Static: the job's functions are copies. */
    private static final Map<String, String> RESTORED = new ConcurrentHashMap<>();
    private static final AtomicLong MAPPED = new AtomicLong();

    @TempDir
    static Path dir;

    private String savepoint;

    @BeforeAll
    void takeASavepointAtParallelismTwo() throws Exception {
        StreamExecutionEnvironment env = environment("first");
        // Slow enough that the job is still running when the savepoint completes, however cold the JVM.
        job(env, "first", 2, 500);
        long start = MAPPED.get();
        JobClient client = env.executeAsync("remembering");
        while (MAPPED.get() - start < 100) {
            Thread.sleep(5);
        }
        savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString()).get();
        assertThat(MAPPED.get() - start).as("stopped part-way").isLessThan(N);
        assertThat(restoredIn("first")).as("the first run started fresh").isEmpty();
    }

    private StreamExecutionEnvironment environment(String run) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(1_000);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + run).toString());
        return env;
    }

    private static void job(StreamExecutionEnvironment env, String run, int parallelism, long perSecond) {
        env.fromSource(new DataGeneratorSource<>(i -> i, N, RateLimiterStrategy.perSecond(perSecond)), WatermarkStrategy.noWatermarks(),
                        "numbers").setParallelism(1).uid("numbers")
                .rebalance()
                .map(new Remembering(run)).setParallelism(parallelism).uid("remember")
                .sinkTo(new DiscardingSink<>()).setParallelism(parallelism).uid("discard");
    }

    private Map<String, String> restoreAt(String run, int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(run);
        env.setRestorePath(savepoint, false);
        job(env, run, parallelism, 1_000_000_000);
        env.execute("remembering");
        return restoredIn(run);
    }

    private static Map<String, String> restoredIn(String run) {
        Map<String, String> found = new TreeMap<>();
        RESTORED.forEach((key, state) -> {
            if (key.startsWith(run + "/")) {
                found.put(key.substring(run.length() + 1), state);
            }
        });
        return found;
    }

    @Test
    void atParallelismOneTheOnlySubtaskGetsAllEvenSplitElementsAndTheWholeUnion() throws Exception {
        assertThat(restoreAt("one", 1)).containsExactlyEntriesOf(Map.of(
                "0", "split=[s0-0, s0-1, s0-2, s1-0, s1-1] union=[u0, u1]"));
    }

    @Test
    void atTheSameParallelismEverySubtaskGetsBackExactlyItsOwnEvenSplitList() throws Exception {
        assertThat(restoreAt("two", 2)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "0", "split=[s0-0, s0-1, s0-2] union=[u0, u1]",
                "1", "split=[s1-0, s1-1] union=[u0, u1]")));
    }

    @Test
    void atParallelismThreeTheFiveEvenSplitElementsAreCutIntoContiguousSharesAndEveryoneGetsTheUnion() throws Exception {
        assertThat(restoreAt("three", 3)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "0", "split=[s0-0] union=[u0, u1]",
                "1", "split=[s0-1, s0-2] union=[u0, u1]",
                "2", "split=[s1-0, s1-1] union=[u0, u1]")));
    }

    /**
     * Keeps its elements in local lists, as Flink's buffering sink example does, and copies them into list state on
     * every snapshot. Started fresh, subtask s holds "s&lt;s&gt;-0".. (three on subtask 0, two on the others) and
     * the union element "u&lt;s&gt;"; restored, it records what it got and keeps it.
     */
    static final class Remembering extends RichMapFunction<Long, Long> implements CheckpointedFunction {
        private final String run;
        private final List<String> split = new ArrayList<>();
        private final List<String> union = new ArrayList<>();
        private transient ListState<String> splitState;
        private transient ListState<String> unionState;

        Remembering(String run) {
            this.run = run;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            splitState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("split", String.class));
            unionState = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("union", String.class));
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            split.clear();
            union.clear();
            if (context.isRestored()) {
                splitState.get().forEach(split::add);
                unionState.get().forEach(union::add);
                RESTORED.put(run + "/" + subtask, "split=" + split + " union=" + union);
            } else {
                for (int k = 0; k < (subtask == 0 ? 3 : 2); k++) {
                    split.add("s" + subtask + "-" + k);
                }
                union.add("u" + subtask);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            splitState.update(split);
            unionState.update(union);
        }

        @Override
        public Long map(Long value) {
            MAPPED.incrementAndGet();
            return value;
        }
    }
}
