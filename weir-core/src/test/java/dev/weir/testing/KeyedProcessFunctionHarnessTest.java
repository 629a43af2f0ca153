package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.util.OutputTag;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class KeyedProcessFunctionHarnessTest {

    /** Registers an event-time timer 10 ms after each element; a timer emits "key@time". */
    static final class TenMillisLater extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + ctx.timeDomain());
        }
    }

    @Test
    void eventTimeTimersFireInTimestampOrderOncePerKeyAndTimestampWhenTheWatermarkPassesThem() throws Exception {
        OneInputHarness<String, String> harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new TenMillisLater(), s -> s);
        harness.processElement("b", 20L);
        harness.processElement("a", 5L);
        harness.processElement("a", 5L);
        harness.processElement("a", 20L);
        assertThat(harness.numEventTimeTimers()).isEqualTo(3);

        harness.processWatermark(30L);

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.of("a@15:EVENT_TIME", 15L),
                HarnessRecord.of("b@30:EVENT_TIME", 30L),
                HarnessRecord.of("a@30:EVENT_TIME", 30L),
                HarnessRecord.watermark(30L));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.currentWatermark()).isEqualTo(30L);
    }

    @Test
    void theWatermarkFollowsTheTimerOutputItCausedAndTimersNotYetDueWait() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new TenMillisLater(), s -> s);
        harness.processElement("a", 0L);
        harness.processElement("b", 100L);

        harness.processWatermark(50L);

        assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("a@10:EVENT_TIME", 10L), HarnessRecord.watermark(50L));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aWatermarkThatDoesNotAdvanceIsNotDeliveredAsInARunningTask() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new TenMillisLater(), s -> s);
        harness.processWatermark(20L);
        harness.processWatermark(20L);
        harness.processWatermark(15L);

        assertThat(harness.getOutput()).containsExactly(HarnessRecord.watermark(20L));
        assertThat(harness.currentWatermark()).isEqualTo(20L);
    }

    @Test
    void endInputDeliversTheFinalWatermarkSoEveryPendingEventTimeTimerFires() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new TenMillisLater(), s -> s);
        harness.processElement("a", 1_000L);

        harness.endInput();

        assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("a@1010:EVENT_TIME", 1_010L),
                HarnessRecord.watermark(Long.MAX_VALUE));
        assertThatThrownBy(() -> harness.processElement("b", 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("processElement came after endInput() of the harness of KeyedProcess: an operator receives no input after "
                        + "its input ended");
    }

    /** Times each key out 100 ms of processing time after its first element, unless deleted by a "cancel" element. */
    static final class ProcessingTimeout extends KeyedProcessFunction<String, String, String> {
        private ValueState<Long> deadline;

        @Override
        public void open(OpenContext openContext) {
            deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Long.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            if (value.endsWith(":cancel")) {
                ctx.timerService().deleteProcessingTimeTimer(deadline.value());
                deadline.clear();
            } else if (deadline.value() == null) {
                long at = ctx.timerService().currentProcessingTime() + 100;
                ctx.timerService().registerProcessingTimeTimer(at);
                deadline.update(at);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect("timeout " + ctx.getCurrentKey() + "@" + timestamp + ":" + ctx.timeDomain());
            deadline.clear();
        }
    }

    private static String keyOf(String value) {
        return value.split(":")[0];
    }

    @Test
    void processingTimeTimersFireWhenTheHarnessClockReachesThemAndTheirOutputHasNoTimestamp() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new ProcessingTimeout(),
                KeyedProcessFunctionHarnessTest::keyOf);
        harness.setProcessingTime(1_000L);
        harness.processElement("a:1");
        harness.setProcessingTime(1_050L);
        harness.processElement("b:1");
        harness.processElement("a:2");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);
        assertThat(harness.getValueState("deadline", "a")).isEqualTo(1_100L);

        harness.setProcessingTime(1_099L);
        assertThat(harness.getOutput()).isEmpty();
        harness.setProcessingTime(1_200L);

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.of("timeout a@1100:PROCESSING_TIME"),
                HarnessRecord.of("timeout b@1150:PROCESSING_TIME"));
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.getValueState("deadline", "a")).isNull();
    }

    @Test
    void aDeletedProcessingTimeTimerDoesNotFire() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new ProcessingTimeout(),
                KeyedProcessFunctionHarnessTest::keyOf);
        harness.processElement("a:1");
        harness.processElement("b:1");
        harness.processElement("a:cancel");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(500L);

        assertThat(harness.extractOutputValues()).containsExactly("timeout b@100:PROCESSING_TIME");
    }

    @Test
    void sideOutputsKeepWhatTheFunctionSentThereApartFromTheMainOutput() throws Exception {
        OutputTag<String> late = new OutputTag<>("late") {
        };
        OutputTag<Integer> lengths = new OutputTag<>("lengths", Types.INT);
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(
                new KeyedProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                            ctx.output(late, value);
                        } else {
                            out.collect(value);
                            ctx.output(lengths, value.length());
                        }
                    }
                }, s -> s);
        harness.processElement("on-time", 10L);
        harness.processWatermark(20L);
        harness.processElement("late", 15L);
        harness.processElement("fine", 25L);

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.of("on-time", 10L), HarnessRecord.watermark(20L), HarnessRecord.of("fine", 25L));
        assertThat(harness.getSideOutput(late)).containsExactly("late");
        assertThat(harness.getSideOutput(lengths)).containsExactly(7, 4);
        assertThat(harness.getSideOutput(new OutputTag<String>("nobody"))).isEmpty();
    }

    /** Keeps, per key, the last value, every value, and a count per value. */
    static final class Remember extends KeyedProcessFunction<String, String, String> {
        private ValueState<String> last;
        private ListState<String> all;
        private MapState<String, Integer> counts;

        @Override
        public void open(OpenContext openContext) {
            last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", String.class));
            all = getRuntimeContext().getListState(new ListStateDescriptor<>("all", String.class));
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", String.class, Integer.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            last.update(value);
            all.add(value);
            Integer seen = counts.get(value);
            counts.put(value, seen == null ? 1 : seen + 1);
        }
    }

    @Test
    void keyedStateOfAnyKeyReadsByStateNameWithoutProcessingAnElementForIt() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new Remember(),
                KeyedProcessFunctionHarnessTest::keyOf);
        harness.processElement("a:x");
        harness.processElement("b:y");
        harness.processElement("a:z");
        harness.processElement("a:x");

        assertThat(harness.getCurrentKey()).isEqualTo("a");
        assertThat(harness.getValueState("last", "b")).isEqualTo("b:y");
        assertThat(harness.getListState("all", "a")).containsExactly("a:x", "a:z", "a:x");
        assertThat(harness.getMapState("counts", "a")).isEqualTo(Map.of("a:x", 2, "a:z", 1));
        assertThat(harness.getValueState("last", "nobody")).isNull();
        assertThat(harness.<String>getListState("all", "nobody")).isEqualTo(List.of());
        assertThat(harness.getCurrentKey()).as("reading state leaves the current key alone").isEqualTo("a");
    }

    @Test
    void readingStateThatTheFunctionNeverCreatedOrOfAnotherKindSaysWhatToCallInstead() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new Remember(), s -> s);
        harness.processElement("a");

        assertThatThrownBy(() -> harness.getValueState("lst", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The operator has no keyed state named 'lst'; it created last, all, counts (by descriptor name). A state "
                        + "exists once the function asked for it, usually in open(): pass the name of its state descriptor");
        assertThatThrownBy(() -> harness.getValueState("all", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("State 'all' is LIST state, which getValueState cannot read: use getListState");
    }

    @Test
    void aHarnessForOneOfSeveralSubtasksOwnsOnlyThatSubtasksKeys() throws Exception {
        OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new Remember(), s -> s)
                .withSubtask(0, 2, 4);
        // With 4 key groups over 2 subtasks, subtask 0 owns key groups 0-1; find one key on each side.
        String mine = null;
        String theirs = null;
        for (int i = 0; mine == null || theirs == null; i++) {
            String key = "k" + i;
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, 4);
            if (keyGroup < 2) {
                mine = mine == null ? key : mine;
            } else {
                theirs = theirs == null ? key : theirs;
            }
        }
        harness.processElement(mine);
        assertThat(harness.getValueState("last", mine)).isEqualTo(mine);

        String other = theirs;
        assertThatThrownBy(() -> harness.processElement(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key '" + other + "' is in key group")
                .hasMessageContaining("the record reached the wrong subtask");
        assertThatThrownBy(() -> harness.getValueState("last", other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Key '" + other + "' is in key group ")
                .hasMessageEndingWith("its state lives in another subtask; ask for a key of this subtask");
    }
}
