package dev.weir.streaming.api.datastream;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.JobExecutionResult;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.state.CheckpointListener;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.TwoInputHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broadcast state: every subtask sees every broadcast element, reads the rules read-only, and restores them. */
@Timeout(60)
class BroadcastStateTest {
    static final MapStateDescriptor<String, Integer> FACTOR = new MapStateDescriptor<>("factor", String.class, Integer.class);

    @TempDir
    Path dir;

    /** Multiplies each number by the broadcast factor; numbers that arrive before the factor wait for it. */
    static final class Multiply extends BroadcastProcessFunction<Integer, Integer, String> {
        private final List<Integer> waiting = new ArrayList<>();

        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer factor = ctx.getBroadcastState(FACTOR).get("f");
            if (factor == null) {
                waiting.add(value);
            } else {
                out.collect(Integer.toString(value * factor));
            }
        }

        @Override
        public void processBroadcastElement(Integer factor, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(FACTOR).put("f", factor);
            out.collect("subtask " + getRuntimeContext().getIndexOfThisSubtask() + " got factor " + factor);
            for (Integer w : waiting) {
                out.collect(Integer.toString(w * factor));
            }
            waiting.clear();
        }
    }

    @Test
    void everySubtaskReceivesTheBroadcastElementAndTheOtherInputReadsIt() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        BroadcastStream<Integer> factor = env.fromData(10).broadcast(FACTOR);
        DataStream<String> out = env.fromData(1, 2, 3, 4, 5, 6).rebalance().connect(factor).process(new Multiply());

        List<String> expected = new ArrayList<>(List.of("10", "20", "30", "40", "50", "60",
                "subtask 0 got factor 10", "subtask 1 got factor 10"));
        expected.sort(null);
        assertThat(Jobs.collectSorted(out)).isEqualTo(expected);
    }

    /** Sums each key's values in keyed state and, at the end of input, emits the sum times the broadcast factor. */
    static class SumTimesFactor extends KeyedBroadcastProcessFunction<Long, Long, Integer, String> {
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Long s = sum.value();
            sum.update(s == null ? value : s + value);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void processBroadcastElement(Integer factor, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(FACTOR).put("f", factor);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "," + sum.value() * ctx.getBroadcastState(FACTOR).get("f"));
        }
    }

    @Test
    void aKeyedBroadcastFunctionCombinesKeyedStateWithTheBroadcastStateInItsTimers() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        BroadcastStream<Integer> factor = env.fromData(3)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Integer>forMonotonousTimestamps().withTimestampAssigner((v, t) -> 0L))
                .broadcast(FACTOR);
        DataStream<String> out = env.fromSequence(0, 99)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v))
                .keyBy(v -> v % 4).connect(factor).process(new SumTimesFactor());

        // Key k sums k, k+4, ..., k+96: 25 values, 25k + 4*(0+..+24) = 25k + 1200.
        assertThat(Jobs.collectSorted(out)).containsExactly("0,3600", "1,3675", "2,3750", "3,3825");
    }

    @Test
    void aBroadcastProcessFunctionRefusesAKeyedInputAndTheKeyedOneANonKeyedInput() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        BroadcastStream<Integer> factor = env.fromData(1).broadcast(FACTOR);
        assertThatThrownBy(() -> env.fromData(1).keyBy(v -> v).connect(factor).process(new Multiply()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("use a KeyedBroadcastProcessFunction");
        assertThatThrownBy(() -> env.fromSequence(1, 2).connect(factor).process(new SumTimesFactor()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("call keyBy(...) before connect(broadcastStream)");
        assertThatThrownBy(() -> env.fromData(1).broadcast(new MapStateDescriptor<?, ?>[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one MapStateDescriptor");
    }

    /** On a broadcast "reset" (0) adds the old factor to every key's sum, through applyToKeyedState. */
    static final class Settle extends SumTimesFactor {
        @Override
        public void processBroadcastElement(Integer factor, Context ctx, Collector<String> out) throws Exception {
            ctx.applyToKeyedState(new ValueStateDescriptor<>("sum", Long.class), (Long key, ValueState<Long> state) -> {
                out.collect("key " + key + " had " + state.value());
                state.update(state.value() * factor);
            });
        }
    }

    @Test
    void applyToKeyedStateVisitsEveryKeyThatHasStateAndMayChangeIt() throws Exception {
        TwoInputHarness<Long, Integer, String> harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new Settle(), (Long v) -> v % 3, FACTOR);
        harness.processElement1(4L, 1L);
        harness.processElement1(5L, 2L);
        harness.processElement1(7L, 3L);
        harness.processElement2(10, 4L);

        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder("key 1 had 11", "key 2 had 5");
        assertThat(harness.getValueState("sum", 1L)).isEqualTo(110L);
        assertThat(harness.getValueState("sum", 2L)).isEqualTo(50L);
    }

    /** Tries to write through the read-only view, and to read a state that was never declared. */
    static final class Sneaky extends BroadcastProcessFunction<String, Integer, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            ReadOnlyBroadcastState<String, Integer> state = ctx.getBroadcastState(FACTOR);
            if (value.equals("cast")) {
                out.collect("writable: " + (state instanceof BroadcastState));
                state.clear();
            } else {
                ctx.getBroadcastState(new MapStateDescriptor<>("other", String.class, String.class));
            }
        }

        @Override
        public void processBroadcastElement(Integer value, Context ctx, Collector<String> out) {
        }
    }

    @Test
    void theNonBroadcastSideCannotChangeTheBroadcastStateNorReadUndeclaredState() throws Exception {
        TwoInputHarness<String, Integer, String> harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new Sneaky(), FACTOR);
        assertThatThrownBy(() -> harness.processElement1("cast"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("read-only in processElement");
        assertThat(harness.extractOutputValues()).containsExactly("writable: false");
        assertThatThrownBy(() -> harness.processElement1("undeclared"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broadcast state 'other', which was not declared")
                .hasMessageContaining("[factor]");
    }

    /**
     * Fails once in the first attempt, after a checkpoint completed that holds the factor. The factor's source has
     * finished by then, so the restored job has the factor only if the broadcast state was restored.
     */
    static final class FailAfterFactorCheckpoint extends SumTimesFactor implements CheckpointedFunction, CheckpointListener {
        private long checkpointWithFactor = -1;
        private boolean factorCheckpointed;
        private transient boolean factorKnown;

        @Override
        public void open(OpenContext openContext) {
            super.open(openContext);
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().addAccumulator("attempt",
                        new dev.weir.api.common.accumulators.IntCounter(getRuntimeContext().getTaskInfo().getAttemptNumber()));
            }
        }

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            factorKnown = ctx.getBroadcastState(FACTOR).contains("f");
            if (factorCheckpointed && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                throw new IllegalStateException("injected failure after checkpoint " + checkpointWithFactor);
            }
            super.processElement(value, ctx, out);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (factorKnown && checkpointWithFactor < 0) {
                checkpointWithFactor = context.getCheckpointId();
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            factorCheckpointed |= checkpointWithFactor > 0 && checkpointId >= checkpointWithFactor;
        }
    }

    @Test
    void theBroadcastStateIsRestoredAfterAFailureWhenItsSourceHadAlreadyFinished() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(10)));
        BroadcastStream<Integer> factor = env.fromData(3).uid("factor")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Integer>forMonotonousTimestamps().withTimestampAssigner((v, t) -> 0L))
                .uid("factor-time").broadcast(FACTOR);
        env.fromSource(new DataGeneratorSource<>(i -> i, 40_000, RateLimiterStrategy.perSecond(10_000)),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v), "numbers").uid("numbers")
                .keyBy(v -> v % 4).connect(factor).process(new FailAfterFactorCheckpoint()).uid("sum")
                .sinkTo(FileSink.forRowFormat(dir.resolve("out"), new SimpleStringEncoder<String>()).build()).uid("files");

        JobExecutionResult result = env.execute("broadcast-restore");

        assertThat(result.<Integer>getAccumulatorResult("attempt")).as("the job restarted once").isEqualTo(1);
        // Key k sums k, k+4, ..., k+39996: 10000 values, 10000k + 4*(0+..+9999) = 10000k + 199_980_000; times 3.
        assertThat(CommittedFiles.sortedLines(dir.resolve("out")))
                .containsExactly("0,599940000", "1,599970000", "2,600000000", "3,600030000");
    }
}

