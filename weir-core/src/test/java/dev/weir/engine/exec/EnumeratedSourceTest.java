package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.core.execution.JobClient;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source with a split enumerator ({@link dev.weir.builtin.EnumeratedSource}): one enumerator per job, assigning
 * splits on request, events in both directions, and its state and the readers' splits in checkpoints, restored at a
 * different parallelism with the old readers' splits handed back to the enumerator.
 */
@Timeout(120)
class EnumeratedSourceTest {
    private static final List<Long> ALL = LongStream.range(0, 600).boxed().toList();

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        RangeSplitSource.PERMITS.set(Long.MAX_VALUE);
        RangeSplitSource.RETURNED.clear();
        RangeSplitSource.GREETINGS.clear();
        CommittingSink.COMMITTED.clear();
    }

    @Test
    void twoReadersAskTheOneEnumeratorForSplitsAndReadEveryNumberOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Long> out = new ArrayList<>(env.fromSource(new RangeSplitSource(6, false), WatermarkStrategy.noWatermarks(), "ranges")
                .executeAndCollect(Integer.MAX_VALUE));
        out.sort(null);

        assertThat(out).isEqualTo(ALL);
        assertThat(new TreeMap<>(RangeSplitSource.GREETINGS)).as("each reader's event answered by the enumerator")
                .isEqualTo(Map.of(0, "hello 0 of 2, registered true", 1, "hello 1 of 2, registered true"));
    }

    @Test
    void aSavepointAtParallelismTwoRestoresAtThreeWithTheOldReadersSplitsBackInTheEnumerator() throws Exception {
        RangeSplitSource.PERMITS.set(250);
        StreamExecutionEnvironment first = job(2, new RangeSplitSource(6, true));
        JobClient client = first.executeAsync("ranges-first");
        long giveUp = System.nanoTime() + 60_000_000_000L; // against a hang only
        while (RangeSplitSource.PERMITS.get() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString()).get();
        assertThat(CommittingSink.COMMITTED).as("committed by the first run").hasSize(250);

        RangeSplitSource.PERMITS.set(Long.MAX_VALUE);
        StreamExecutionEnvironment second = job(3, new RangeSplitSource(6, false));
        second.setRestorePath(savepoint, false);
        second.execute("ranges-second");

        List<Long> committed = new ArrayList<>(CommittingSink.COMMITTED);
        committed.sort(null);
        assertThat(committed).as("every number once over both runs").isEqualTo(ALL);
        assertThat(RangeSplitSource.RETURNED).as("the old readers' unfinished splits, handed back to the enumerator").isNotEmpty();
        assertThat(RangeSplitSource.RETURNED.keySet()).isSubsetOf(0, 1);
        long returnedLeft = RangeSplitSource.RETURNED.values().stream().flatMap(List::stream).mapToLong(r -> r.end - r.next).sum();
        assertThat(returnedLeft % RangeSplitSource.SPLIT_SIZE).as("the 50 numbers of the part-read splits").isEqualTo(50);
    }

    private StreamExecutionEnvironment job(int parallelism, RangeSplitSource source) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "ranges").uid("ranges")
                .addSink(new CommittingSink()).uid("sink").setParallelism(1);
        return env;
    }

    /** Commits what it received up to a checkpoint when that checkpoint completes: exactly once across restores. */
    static final class CommittingSink implements SinkFunction<Long>, CheckpointedFunction, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final List<Long> COMMITTED = java.util.Collections.synchronizedList(new ArrayList<>());
        private final TreeMap<Long, List<Long>> pending = new TreeMap<>();
        private List<Long> buffer = new ArrayList<>();

        @Override
        public void invoke(Long value, Context context) {
            buffer.add(value);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            pending.computeIfAbsent(context.getCheckpointId(), id -> new ArrayList<>()).addAll(buffer);
            buffer = new ArrayList<>();
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            var done = pending.headMap(checkpointId, true);
            done.values().forEach(COMMITTED::addAll);
            done.clear();
        }
    }
}
