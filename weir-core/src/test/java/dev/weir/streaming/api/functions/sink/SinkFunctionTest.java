package dev.weir.streaming.api.functions.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.accumulators.LongCounter;
import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.plan.CheckpointSettings;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.source.RichSourceFunction;
import dev.weir.streaming.api.functions.source.SourceFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code addSink} with Flink 1.x's {@code SinkFunction}: its context, watermarks, checkpointed state and listener. */
@Timeout(120)
class SinkFunctionTest {
    private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    @Test
    void invokeSeesEachElementsTimestampAndTheCurrentWatermarkAndWriteWatermarkEveryWatermark() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new SourceFunction<String>() {
            @Override
            public void run(SourceContext<String> ctx) {
                ctx.collectWithTimestamp("a", 1);
                ctx.emitWatermark(new dev.weir.streaming.api.watermark.Watermark(5));
                ctx.collectWithTimestamp("b", 7);
                ctx.collect("c");
            }

            @Override
            public void cancel() {
            }
        }).addSink(new SinkFunction<>() {
            @Override
            public void invoke(String value, Context context) {
                SEEN.add(value + "@" + context.timestamp() + " wm=" + context.currentWatermark());
            }

            @Override
            public void writeWatermark(Watermark watermark) {
                SEEN.add("W:" + watermark.getTimestamp());
            }

            @Override
            public void finish() {
                SEEN.add("finish");
            }
        });
        env.execute("sink context");
        assertThat(SEEN).containsExactly("a@1 wm=" + Long.MIN_VALUE, "W:5", "b@7 wm=5", "c@null wm=5", "W:" + Long.MAX_VALUE, "finish");
    }

    @Test
    void aSinkThatOnlyOverridesInvokeOfTheValueGetsEveryElement() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("x", "y", "z").addSink(new RichSinkFunction<>() {
            @Override
            public void invoke(String value) {
                SEEN.add(value);
            }
        });
        env.execute("plain invoke");
        assertThat(SEEN).containsExactly("x", "y", "z");
    }

    @Test
    void theLegacyDiscardingSinkTakesEveryElementAndTheJobFinishes() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1000).map(new CountingMap()).addSink(new DiscardingSink<>());
        JobExecutionResult result = env.execute("discard");
        assertThat(result.<Long>getAccumulatorResult("mapped")).isEqualTo(1000L);
    }

    @Test
    void aCheckpointedSinkIsRestoredAfterAFailureAndHearsOfCompletedCheckpoints() throws Exception {
        CountingSink.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(20, dev.weir.streaming.api.CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(10)));
        env.addSource(new NumbersFailingOnceAfterACheckpoint(20_000), "numbers").uid("numbers")
                .addSink(new CountingSink()).uid("counting sink").setParallelism(2);
        env.execute("checkpointed sink");

        long count = 0;
        long sum = 0;
        for (long[] cs : CountingSink.FINAL.values()) {
            count += cs[0];
            sum += cs[1];
        }
        assertThat(count).as("every element counted once, across the restore").isEqualTo(20_000);
        assertThat(sum).isEqualTo(20_000L * 19_999 / 2);
        assertThat(CountingSink.restoredWithState).as("the sink started its second attempt from a checkpoint's state").isTrue();
        assertThat(CountingSink.completed).as("both sink subtasks heard of completed checkpoints").containsOnlyKeys(0, 1);
        CountingSink.completed.values().forEach(ids -> assertThat(ids).as("announced in order").isNotEmpty().isSorted());
    }

    @Test
    void flink1CheckpointingModeIsAcceptedWhereverTheCoreOneIs() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50, dev.weir.streaming.api.CheckpointingMode.AT_LEAST_ONCE);
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(dev.weir.core.execution.CheckpointingMode.AT_LEAST_ONCE);
        assertThat(env.getCheckpointConfig().getCheckpointingMode()).isEqualTo(dev.weir.streaming.api.CheckpointingMode.AT_LEAST_ONCE);
        assertThat(env.getCheckpointConfig().toSettings()).containsEntry(CheckpointSettings.MODE, "AT_LEAST_ONCE");

        env.getCheckpointConfig().setCheckpointingMode(dev.weir.streaming.api.CheckpointingMode.EXACTLY_ONCE);
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(dev.weir.core.execution.CheckpointingMode.EXACTLY_ONCE);
        assertThat(env.getCheckpointConfig().toSettings()).containsEntry(CheckpointSettings.MODE, "EXACTLY_ONCE");
    }

    /** Counts what it maps in an accumulator. */
    static final class CountingMap extends RichMapFunction<Long, Long> {
        private final LongCounter mapped = new LongCounter();

        @Override
        public void open(dev.weir.configuration.Configuration parameters) {
            getRuntimeContext().addAccumulator("mapped", mapped);
        }

        @Override
        public Long map(Long value) {
            mapped.add(1L);
            return value;
        }
    }

    /**
     * Emits 0 to n-1 from checkpointed state; in the first attempt it waits, before emitting n/2, until a checkpoint
     * that saw some of its elements in the sink completed, then fails, so the restore always has sink state to bring back.
     */
    static final class NumbersFailingOnceAfterACheckpoint extends RichSourceFunction<Long> implements CheckpointedFunction {
        private final long n;
        private volatile boolean running = true;
        private long next;
        private transient ListState<Long> position;

        NumbersFailingOnceAfterACheckpoint(long n) {
            this.n = n;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            for (Long p : position.get()) {
                next = p;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(List.of(next));
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            while (running && next < n) {
                if (next == n / 2 && getRuntimeContext().getAttemptNumber() == 0) {
                    if (!CountingSink.checkpointWithElements.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no checkpoint with sink state completed within a minute");
                    }
                    throw new IllegalStateException("injected failure after a completed checkpoint");
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(next);
                    next++;
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Counts and sums in operator state; publishes its totals when the input ends. */
    static final class CountingSink extends RichSinkFunction<Long> implements CheckpointedFunction, CheckpointListener {
        static final Map<Integer, long[]> FINAL = new ConcurrentHashMap<>();
        static volatile CountDownLatch checkpointWithElements;
        static volatile boolean restoredWithState;
        static final Map<Integer, List<Long>> completed = new ConcurrentHashMap<>();

        private long count;
        private long sum;
        private final Map<Long, Long> countAtCheckpoint = new ConcurrentHashMap<>();
        private transient ListState<Long> state;

        static void reset() {
            FINAL.clear();
            completed.clear();
            restoredWithState = false;
            checkpointWithElements = new CountDownLatch(1);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("count-sum", Long.class));
            // Union state: every subtask sees both subtasks' pairs; each takes back the pair it wrote (index first).
            List<Long> all = new ArrayList<>();
            state.get().forEach(all::add);
            int me = getRuntimeContext().getIndexOfThisSubtask();
            for (int i = 0; i + 2 < all.size(); i += 3) {
                if (all.get(i) == me) {
                    count = all.get(i + 1);
                    sum = all.get(i + 2);
                }
            }
            if (context.isRestored() && count > 0) {
                restoredWithState = true;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(List.of((long) getRuntimeContext().getIndexOfThisSubtask(), count, sum));
            countAtCheckpoint.put(context.getCheckpointId(), count);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed.computeIfAbsent(getRuntimeContext().getIndexOfThisSubtask(), i -> Collections.synchronizedList(new ArrayList<>()))
                    .add(checkpointId);
            Long counted = countAtCheckpoint.get(checkpointId);
            if (counted != null && counted > 0) {
                checkpointWithElements.countDown();
            }
        }

        @Override
        public void invoke(Long value) {
            count++;
            sum += value;
        }

        @Override
        public void finish() {
            FINAL.put(getRuntimeContext().getIndexOfThisSubtask(), new long[] {count, sum});
        }
    }
}
