package dev.weir.engine.operators;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.ReplayVerifier;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Weir's one-input operators give the same output when restored into a fresh instance after every element and every
 * watermark, and with extra watermarks and idleness ({@link ReplayVerifier}): keyed state, event-time timers and a
 * CheckpointedFunction's operator state all travel through the snapshot.
 */
@Timeout(120)
class OperatorReplayTest {

    /** Collects a key's values in list state and emits them when an event-time timer 10 after the first of them fires. */
    static final class ReportValuesLater extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        private transient ListState<Integer> values;

        @Override
        public void open(OpenContext openContext) {
            values = getRuntimeContext().getListState(new ListStateDescriptor<>("values", Integer.class));
        }

        @Override
        public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) throws Exception {
            if (!values.get().iterator().hasNext()) {
                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
            }
            values.add(value.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            List<Integer> all = new ArrayList<>();
            values.get().forEach(all::add);
            out.collect(ctx.getCurrentKey() + ":" + all);
            values.clear();
        }
    }

    /** Emits every element with all elements before it, kept in operator list state. */
    static final class RunningList extends RichMapFunction<String, String> implements CheckpointedFunction {
        private transient ListState<String> seen;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            seen = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("seen", String.class));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
        }

        @Override
        public String map(String value) throws Exception {
            seen.add(value);
            return String.join(",", seen.get());
        }
    }

    private static HarnessRecord in(String key, int value, long timestamp) {
        return HarnessRecord.of(Tuple2.of(key, value), timestamp);
    }

    @Test
    void aKeyedProcessFunctionWithStateAndEventTimeTimersSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new ReportValuesLater(),
                        (Tuple2<String, Integer> t) -> t.f0))
                .input(in("a", 1, 0), in("b", 2, 3), in("a", 3, 5), HarnessRecord.watermark(10), in("a", 4, 11),
                        HarnessRecord.watermark(13), in("b", 5, 20))
                .expectOutput(HarnessRecord.of("a:[1, 3]", 10L), HarnessRecord.of("b:[2]", 13L), HarnessRecord.of("a:[4]", 21L),
                        HarnessRecord.of("b:[5]", 30L))
                .verify();
    }

    @Test
    void aKeyedReduceSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forKeyedReduce((Tuple2<String, Integer> a, Tuple2<String, Integer> b) ->
                        Tuple2.of(a.f0, a.f1 + b.f1), (Tuple2<String, Integer> t) -> t.f0))
                .input(in("a", 1, 0), in("b", 2, 1), HarnessRecord.watermark(1), in("a", 3, 2), in("a", 4, 3))
                .expectOutput(in("a", 1, 0), in("b", 2, 1), in("a", 4, 2), in("a", 8, 3))
                .verify();
    }

    @Test
    void aCheckpointedFunctionsOperatorListStateSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forMap(new RunningList()))
                .input(HarnessRecord.of("x", 1L), HarnessRecord.of("y", 2L), HarnessRecord.watermark(2L), HarnessRecord.of("z", 3L))
                .expectOutput(HarnessRecord.of("x", 1L), HarnessRecord.of("x,y", 2L), HarnessRecord.of("x,y,z", 3L))
                .verify();
    }

    @Test
    void statelessMapFilterAndFlatMapPassEveryModeIncludingElementsWithoutTimestamps() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forMap((String s) -> s.toUpperCase()))
                .input(HarnessRecord.of("a"), HarnessRecord.of("b", 4L), HarnessRecord.watermark(4L))
                .expectOutput(HarnessRecord.of("A"), HarnessRecord.of("B", 4L))
                .verify();
        ReplayVerifier.of(() -> OneInputHarness.forFilter((String s) -> s.startsWith("k")))
                .input(HarnessRecord.of("keep", 1L), HarnessRecord.of("drop", 2L), HarnessRecord.of("kept", 3L))
                .expectOutput(HarnessRecord.of("keep", 1L), HarnessRecord.of("kept", 3L))
                .verify();
        ReplayVerifier.of(() -> OneInputHarness.forFlatMap((String s, Collector<String> out) -> {
                    for (String part : s.split(" ")) {
                        out.collect(part);
                    }
                }))
                .input(HarnessRecord.of("to be", 1L), HarnessRecord.of("or", 2L))
                .expectOutput(HarnessRecord.of("to", 1L), HarnessRecord.of("be", 1L), HarnessRecord.of("or", 2L))
                .verify();
    }
}
