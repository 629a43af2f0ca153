package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.util.Collector;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.functions.RichFlatMapFunction;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.TaskInfo;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OneInputHarnessTest {

    /** Tags each value with the subtask that mapped it. */
    static final class WhereAmI extends RichMapFunction<String, String> {
        @Override
        public String map(String value) {
            TaskInfo task = getRuntimeContext().getTaskInfo();
            return value + "@" + task.getIndexOfThisSubtask() + "/" + task.getNumberOfParallelSubtasks() + " max "
                    + task.getMaxNumberOfParallelSubtasks() + " " + task.getTaskNameWithSubtasks();
        }
    }

    @Test
    void aRichMapReadsTheSubtaskTheHarnessPretendsToBe() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forMap(new WhereAmI()).withSubtask(2, 4, 16);
        harness.processElement("x", 7L);

        assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("x@2/4 max 16 Map (3/4)#0", 7L));
    }

    @Test
    void withoutSubtaskOptionsTheOperatorIsSubtaskZeroOfOneWith128KeyGroups() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forMap(new WhereAmI());
        harness.processElement("x");

        assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("x@0/1 max 128 Map (1/1)#0"));
    }

    @Test
    void subtaskOptionsThatDescribeNoSubtaskAreRefusedWithTheValidRange() {
        assertThatThrownBy(() -> OneInputHarness.forMap(new WhereAmI()).withSubtask(4, 4, 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subtaskIndex must be in 0..3 for parallelism 4, was 4 (subtask indexes count from 0)");
        assertThatThrownBy(() -> OneInputHarness.forMap(new WhereAmI()).withSubtask(0, 8, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be in 1..maxParallelism (4), was 8");
        assertThatThrownBy(() -> OneInputHarness.forMap(new WhereAmI()).withSubtask(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxParallelism must be in 1..32768, was 0");
    }

    @Test
    void subtaskOptionsAfterOpenAreRefusedBecauseTheFunctionAlreadySawTheOldOnes() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forMap(new WhereAmI());
        harness.open();

        assertThatThrownBy(() -> harness.withSubtask(1, 2, 128))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("withSubtask(1, 2, 128) came after the harness of Map opened: configure the subtask before open() and "
                        + "before the first element");
    }

    /** Records its lifecycle calls and the values it saw, in its own fields. */
    static final class Lifecycle extends RichFlatMapFunction<String, String> {
        final List<String> calls = new ArrayList<>();

        @Override
        public void open(OpenContext openContext) {
            calls.add("open");
        }

        @Override
        public void flatMap(String value, Collector<String> out) {
            calls.add(value);
            for (String word : value.split(" ")) {
                out.collect(word);
            }
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void theFirstElementOpensTheCallersOwnFunctionInstanceAndCloseClosesItOnce() throws Exception {
        Lifecycle function = new Lifecycle();
        OneInputHarness<String, String> harness = OneInputHarness.forFlatMap(function).withSubtask(0, 3, 128);
        harness.processElement("to be", 5L);
        harness.processElement("or");
        harness.close();
        harness.close();

        assertThat(function.calls).containsExactly("open", "to be", "or", "close");
        assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("to", 5L), HarnessRecord.of("be", 5L), HarnessRecord.of("or"));
    }

    @Test
    void aHarnessThatNeverOpenedClosesWithoutCallingTheFunction() throws Exception {
        Lifecycle function = new Lifecycle();
        OneInputHarness<String, String> harness = OneInputHarness.forFlatMap(function);
        harness.close();

        assertThat(function.calls).isEmpty();
        assertThatThrownBy(harness::open)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The harness of FlatMap is already closed: open() may be called once, before anything else; use a new "
                        + "harness for a new run");
    }

    @Test
    void filterKeepsMatchingElementsWithTheirTimestampsAndForwardsWatermarks() throws Exception {
        OneInputHarness<Integer, Integer> harness = OneInputHarness.forFilter(x -> x % 2 == 0);
        harness.processElement(1, 10L);
        harness.processElement(2, 11L);
        harness.processWatermark(11L);
        harness.processElement(4);

        assertThat(harness.getOutput()).containsExactly(HarnessRecord.of(2, 11L), HarnessRecord.watermark(11L), HarnessRecord.of(4));
        assertThat(harness.extractOutputValues()).containsExactly(2, 4);
    }

    @Test
    void clearOutputForgetsWhatWasSeenSoTheNextStepIsCheckedAlone() throws Exception {
        OneInputHarness<Integer, Integer> harness = OneInputHarness.forMap(x -> x * 10);
        harness.processElement(1);
        harness.clearOutput();
        harness.processElement(2);

        assertThat(harness.extractOutputValues()).containsExactly(20);
    }

    /** Counts the elements seen per key in keyed state. */
    static final class CountPerKey extends RichMapFunction<Tuple2<String, Integer>, String> {
        private ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
        }

        @Override
        public String map(Tuple2<String, Integer> value) throws Exception {
            count.update(count.value() + 1);
            return value.f0 + "#" + count.value();
        }
    }

    @Test
    void aKeyedMapSeesStateScopedToTheKeyOfEachElement() throws Exception {
        OneInputHarness<Tuple2<String, Integer>, String> harness = OneInputHarness.forKeyedMap(new CountPerKey(), t -> t.f0);
        harness.processElement(Tuple2.of("a", 1));
        harness.processElement(Tuple2.of("b", 1));
        harness.processElement(Tuple2.of("a", 1));

        assertThat(harness.extractOutputValues()).containsExactly("a#1", "b#1", "a#2");
        assertThat(harness.getValueState("count", "a")).isEqualTo(2);
    }

    @Test
    void aKeyedReduceEmitsEachKeysRunningReduction() throws Exception {
        OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> harness = OneInputHarness.forKeyedReduce(
                (x, y) -> Tuple2.of(x.f0, x.f1 + y.f1), t -> t.f0);
        harness.processElement(Tuple2.of("a", 1), 1L);
        harness.processElement(Tuple2.of("b", 5), 2L);
        harness.processElement(Tuple2.of("a", 2), 3L);

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.of(Tuple2.of("a", 1), 1L), HarnessRecord.of(Tuple2.of("b", 5), 2L), HarnessRecord.of(Tuple2.of("a", 3), 3L));
    }

    @Test
    void aNonKeyedHarnessHasNoKeyedStateToReadAndSaysHowToGetSome() throws Exception {
        OneInputHarness<Integer, Integer> harness = OneInputHarness.forMap(x -> x);
        harness.processElement(1);

        assertThat(harness.getCurrentKey()).isNull();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThatThrownBy(() -> harness.getValueState("count", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("State 'count' cannot be read: Map is not keyed and has no keyed state; make the harness with a KeySelector "
                        + "(e.g. forKeyedProcessFunction) to test keyed state");
    }

    @Test
    void aNonKeyedProcessFunctionSeesTheHarnessClockAndWatermarkButMayNotSetTimers() throws Exception {
        OneInputHarness<String, String> harness = ProcessFunctionTestHarnesses.forProcessFunction(new ProcessFunction<String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                if (value.equals("timer")) {
                    ctx.timerService().registerEventTimeTimer(1L);
                }
                out.collect(value + " t=" + ctx.timestamp() + " pt=" + ctx.timerService().currentProcessingTime()
                        + " wm=" + ctx.timerService().currentWatermark());
            }
        });
        harness.setProcessingTime(42L);
        harness.processWatermark(5L);
        harness.processElement("x", 7L);

        assertThat(harness.extractOutputValues()).containsExactly("x t=7 pt=42 wm=5");
        assertThatThrownBy(() -> harness.processElement("timer", 8L))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageEndingWith("Process (1/1) is not keyed: call keyBy(...) before process(...) to use timers");
    }

    @Test
    void processingTimeNeverGoesBackAndStopsAtClose() throws Exception {
        OneInputHarness<Integer, Integer> harness = OneInputHarness.forMap(x -> x);
        harness.setProcessingTime(100L);

        assertThatThrownBy(() -> harness.setProcessingTime(99L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processing time cannot go back from 100 to 99: set a time at or after the current one");
        harness.close();
        assertThatThrownBy(() -> harness.setProcessingTime(200L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setProcessingTime(200) came after close() of the harness of Map: a closed operator fires no timers");
        assertThat(harness.getProcessingTime()).isEqualTo(100L);
    }

    @Test
    void harnessRecordsPrintAndCompareByKindValueAndTimestamp() {
        assertThat(HarnessRecord.of("a", 5L)).hasToString("a@5").isEqualTo(HarnessRecord.of("a", 5L))
                .isNotEqualTo(HarnessRecord.of("a")).isNotEqualTo(HarnessRecord.of("a", 6L));
        assertThat(HarnessRecord.of("a")).hasToString("a@-");
        assertThat(HarnessRecord.watermark(5L)).hasToString("Watermark@5").isNotEqualTo(HarnessRecord.of("a", 5L));
        assertThat(HarnessRecord.watermark(5L).getTimestamp()).isEqualTo(5L);
        assertThat(HarnessRecord.of("a").hasTimestamp()).isFalse();
        assertThatThrownBy(() -> HarnessRecord.of("a").getTimestamp())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a@- has no timestamp: check hasTimestamp() first");
        assertThatThrownBy(() -> HarnessRecord.watermark(5L).getValue())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Watermark@5 is a watermark and has no value: check isWatermark() first");
    }
}
