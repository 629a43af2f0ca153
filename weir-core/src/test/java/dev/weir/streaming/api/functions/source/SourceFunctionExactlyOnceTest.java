package dev.weir.streaming.api.functions.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.accumulators.IntCounter;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection with a legacy source: a checkpointed counter {@code SourceFunction} whose job is killed twice by
 * exceptions restores its checkpoints and writes exactly the failure-free output (as ExactlyOnceRecoveryTest does
 * for a FLIP-27 source). Elements the source had emitted but its task had not yet sent are part of the checkpoint.
 */
@Timeout(180)
class SourceFunctionExactlyOnceTest {
    private static final long EVENTS = 300_000;
    private static final int KEYS = 50;

    @TempDir
    Path dir;

    @Test
    void aCheckpointedCounterSourceKilledTwiceGivesExactlyTheFailureFreeOutput() throws Exception {
        Path clean = dir.resolve("clean");
        Path faulty = dir.resolve("faulty");
        run(clean, false);
        JobExecutionResult result = run(faulty, true);

        List<String> expected = CommittedFiles.sortedLines(clean);
        List<String> actual = CommittedFiles.sortedLines(faulty);
        assertThat(expected).hasSize((int) EVENTS);
        assertThat(actual).hasSize((int) EVENTS);
        assertThat(actual).isEqualTo(expected);
        assertThat(result.<Integer>getAccumulatorResult("attempt")).as("the job finished in its third attempt").isEqualTo(2);
    }

    private JobExecutionResult run(Path out, boolean injectFailures) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + out.getFileName()).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        env.addSource(new CheckpointedCounter(EVENTS), "counter").uid("counter")
                .map(new FailOnce(injectFailures)).uid("fail")
                .keyBy(i -> i % KEYS)
                .process(new RunningSum()).uid("sum")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
        return env.execute("legacy-exactly-once-" + out.getFileName());
    }

    /** Flink's canonical checkpointed source: the next value in operator list state, emitted under the lock. */
    static final class CheckpointedCounter extends RichSourceFunction<Long> implements CheckpointedFunction {
        private final long end;
        private volatile boolean running = true;
        private long next;
        private transient ListState<Long> offset;

        CheckpointedCounter(long end) {
            this.end = end;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            offset = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("offset", Long.class));
            for (Long restored : offset.get()) {
                next = restored;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            offset.update(List.of(next));
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            while (running && next < end) {
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

    /** Throws once in the first attempt and once in the second, the second after the restore of the first. */
    static final class FailOnce extends RichMapFunction<Long, Long> {
        private final boolean inject;

        FailOnce(boolean inject) {
            this.inject = inject;
        }

        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().addAccumulator("attempt", new IntCounter(getRuntimeContext().getAttemptNumber()));
            }
        }

        @Override
        public Long map(Long value) {
            int attempt = getRuntimeContext().getAttemptNumber();
            if (inject && ((attempt == 0 && value == 100_000) || (attempt == 1 && value == 200_000))) {
                throw new IllegalStateException("injected failure at " + value + " in attempt " + attempt);
            }
            return value;
        }
    }

    /** Emits "key,count,sum" after every element of a key: one lost or repeated element changes the output. */
    static final class RunningSum extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<long[]> state;

        @Override
        public void open(OpenContext openContext) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("count-sum", long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long[] cs = state.value();
            long[] now = cs == null ? new long[] {1, value} : new long[] {cs[0] + 1, cs[1] + value};
            state.update(now);
            out.collect(ctx.getCurrentKey() + "," + now[0] + "," + now[1]);
        }
    }
}
